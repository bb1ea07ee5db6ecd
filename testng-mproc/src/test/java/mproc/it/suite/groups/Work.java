package mproc.it.suite.groups;

import mproc.it.suite.RunLog;

/** Records "start Class.method millis" and "end Class.method millis" around a sleep. */
final class Work {
  private Work() {}

  static void run(Object test, String method, long millis) throws InterruptedException {
    String name = test.getClass().getSimpleName() + "." + method;
    RunLog.record("start " + name + " " + System.currentTimeMillis());
    Thread.sleep(millis);
    RunLog.record("end " + name + " " + System.currentTimeMillis());
  }
}
