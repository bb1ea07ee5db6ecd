package mproc.it.suite.inherit;

import org.testng.annotations.DataProvider;
import org.testng.annotations.Factory;
import org.testng.annotations.Test;

/** A constructor that a data provider feeds through {@code @Factory}: one instance per row. */
public class FactoryRows {
  private final int n;

  @Factory(dataProvider = "rows")
  public FactoryRows(int n) {
    this.n = n;
  }

  @DataProvider
  public static Object[][] rows() {
    return new Object[][] {{1}, {2}};
  }

  @Test
  public void hasItsRow() {
    if (n < 1) {
      throw new AssertionError("no row: " + n);
    }
  }
}
