package mproc.it.suite.spread;

import mproc.it.suite.RunLog;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Ten rows; in a JVM that joined them as a helper (it never ran row 0, which the unit's holder runs
 * first), the first {@code @BeforeMethod} hangs, once ({@code -Dspread.marker=FILE}): the helper
 * holds that row's claim and says nothing.
 */
public class HelperHangs {
  private static boolean ranFirstRow;

  @DataProvider
  public Object[][] rows() {
    Object[][] rows = new Object[10][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Object[] {i};
    }
    return rows;
  }

  @BeforeMethod
  public void before(Object[] row) throws InterruptedException {
    if ((int) row[0] == 0) {
      ranFirstRow = true;
    }
    if (!ranFirstRow && Marker.first()) {
      RunLog.record("hangs before row " + row[0]);
      Thread.sleep(600_000);
    }
  }

  @Test(dataProvider = "rows")
  public void row(int i) throws InterruptedException {
    RunLog.record("test row " + i);
    Thread.sleep(300);
  }
}
