package mproc.it.suite.faults;

import mproc.it.suite.RunLog;
import org.testng.annotations.AfterSuite;
import org.testng.annotations.Test;

/** Its tests pass; its {@code @AfterSuite} then kills the worker, or hangs, as {@code -Dfaults.afterSuite} says. */
public class DiesAfterSuite {
  @Test public void d1() { RunLog.record("test d1"); }

  @AfterSuite
  public void afterSuite() throws InterruptedException {
    RunLog.record("afterSuite");
    if ("halt".equals(System.getProperty("faults.afterSuite"))) {
      System.out.println("about to halt in @AfterSuite");
      Runtime.getRuntime().halt(9);
    }
    Thread.sleep(600_000);
  }
}
