package mproc.it.suite.faults;

import mproc.it.suite.RunLog;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** A data-provider test whose second row kills its JVM, after the first row has passed; a test that depends on it. */
public class CrashInDataRow {
  @DataProvider
  public Object[][] rows() {
    return new Object[][] {{1}, {2}, {3}};
  }

  @Test(dataProvider = "rows")
  public void row(int n) {
    RunLog.record("test row" + n);
    if (n == 2) {
      Runtime.getRuntime().halt(7);
    }
  }

  @Test(dependsOnMethods = "row")
  public void afterRows() {
    RunLog.record("test afterRows");
  }
}
