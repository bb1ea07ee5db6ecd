package mproc.it.suite.spread;

import mproc.it.suite.RunLog;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Twelve rows of one data-driven method, each 400 ms: enough for a second worker to join while the
 * first runs them. With {@code -Dspread.dieAt=N -Dspread.marker=FILE}, the first worker JVM to reach
 * row N dies there (once: the marker).
 */
public class Cities {
  @DataProvider
  public Object[][] cities() {
    Object[][] rows = new Object[12][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Object[] {"city-" + i, i};
    }
    return rows;
  }

  @BeforeMethod
  public void arrive() {
    RunLog.record("before visit");
  }

  @Test(dataProvider = "cities")
  public void visit(String city, int index) throws InterruptedException {
    RunLog.record("test visit " + city);
    if (String.valueOf(index).equals(System.getProperty("spread.dieAt")) && System.getProperty("mproc.worker.id") != null
        && Marker.first()) {
      Runtime.getRuntime().halt(7);
    }
    Thread.sleep(400);
    if (index == 7) {
      throw new AssertionError("city-7 is closed");
    }
  }

  @AfterMethod
  public void leave() {
    RunLog.record("after visit");
  }
}
