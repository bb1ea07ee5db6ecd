package mproc.it.suite.faults;

import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

public class Hangs {
  @Test(priority = 1) public void hangs() throws InterruptedException {
    RunLog.record("test hangs");
    Thread.sleep(120_000);
  }

  /** TestNG's own timeOut still works inside a worker: this fails, and the worker lives on. */
  @Test(priority = 2, timeOut = 300) public void testngTimeOut() throws InterruptedException {
    RunLog.record("test testngTimeOut");
    Thread.sleep(5_000);
  }

  @Test(priority = 3) public void after() { RunLog.record("test after"); }
}
