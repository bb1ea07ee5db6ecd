package mproc.it.suite.faults;

import mproc.it.suite.RunLog;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** A data-driven test of a later {@code <test>}: when the run is interrupted first, its rows are never made. */
public class RowsNeverMade {
  @DataProvider public Object[][] rows() {
    RunLog.record("rows made");
    return new Object[][] {{1}, {2}, {3}};
  }

  @Test(dataProvider = "rows") public void row(int n) { RunLog.record("test row " + n); }
}
