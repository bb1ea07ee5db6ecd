package mproc.it.suite.pooled;

import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

/**
 * A method TestNG runs 60 times on a pool of three threads: in the parent each of those threads
 * reads the worker's results between its invocations. Each subclass is a unit of its own.
 */
public abstract class Pooled {
  @Test(invocationCount = 60, threadPoolSize = 3)
  public void pooled() throws InterruptedException {
    RunLog.record("test pooled " + getClass().getSimpleName());
    RunLog.awaitJvms("test ", 2, 30); // both JVMs at work at once
    Thread.sleep(10);
  }

  public static class A extends Pooled {}

  public static class B extends Pooled {}
}
