package mproc.it.suite.faults;

import mproc.it.suite.RunLog;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeSuite;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Three slow steps before its first test, each shorter than the run's mproc.timeout, together longer. */
public class SlowSetUp {
  @BeforeSuite public void suite() throws InterruptedException { Thread.sleep(1_500); }
  @BeforeClass public void setUp() throws InterruptedException { Thread.sleep(1_500); }

  @DataProvider
  public Object[][] rows() throws InterruptedException {
    Thread.sleep(1_500);
    return new Object[][] {{1}};
  }

  @Test(dataProvider = "rows")
  public void ready(int n) { RunLog.record("test ready" + n); }
}
