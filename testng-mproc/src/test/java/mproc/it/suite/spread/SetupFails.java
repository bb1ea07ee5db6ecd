package mproc.it.suite.spread;

import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Rows whose {@code @BeforeMethod} fails from the third on: TestNG skips those rows and gives each
 * skip the row index -1. Spread over the workers, the parent waited for those rows' results in row
 * order, and the run never ended.
 */
public class SetupFails {
  @DataProvider
  public Object[][] rows() {
    Object[][] rows = new Object[8][];
    for (int i = 0; i < rows.length; i++) {
      rows[i] = new Object[] {i};
    }
    return rows;
  }

  @BeforeMethod
  public void setUp(Object[] row) {
    if ((int) row[0] >= 2) {
      throw new IllegalStateException("no room for row " + row[0]);
    }
  }

  @Test(dataProvider = "rows")
  public void row(int i) throws InterruptedException {
    Thread.sleep(250);
  }
}
