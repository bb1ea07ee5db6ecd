package mproc.it.suite.spread;

import mproc.it.suite.RunLog;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Six rows of which the provider's {@code indices} pick three: TestNG passes over the others. */
public class Picked {
  @DataProvider(indices = {1, 3, 4})
  public Object[][] picks() {
    return new Object[][] {{"p0"}, {"p1"}, {"p2"}, {"p3"}, {"p4"}, {"p5"}};
  }

  @Test(dataProvider = "picks")
  public void pick(String p) throws InterruptedException {
    RunLog.record("test pick " + p);
    Thread.sleep(150);
  }
}
