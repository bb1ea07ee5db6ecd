package mproc.it.suite.spread;

import mproc.it.suite.RunLog;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Rows that another test depends on: one unit, run in one worker, as before. */
public class Dependent {
  @DataProvider
  public Object[][] steps() {
    return new Object[][] {{1}, {2}, {3}, {4}};
  }

  @Test(dataProvider = "steps")
  public void step(int n) throws InterruptedException {
    RunLog.record("test step " + n);
    Thread.sleep(100);
  }

  @Test(dependsOnMethods = "step")
  public void afterSteps() {
    RunLog.record("test afterSteps");
  }
}
