package mproc.it.suite.live;

import mproc.it.suite.RunLog;

final class LiveLog {
  private LiveLog() {}

  /** "ran Class.method worker-N pid": which worker ran each test, in which JVM. */
  static void ran(String test) {
    RunLog.record("ran " + test + " worker-" + System.getProperty("mproc.worker.id", "none"));
  }
}
