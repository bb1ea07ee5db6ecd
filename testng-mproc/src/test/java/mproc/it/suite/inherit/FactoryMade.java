package mproc.it.suite.inherit;

import org.testng.ITest;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Factory;
import org.testng.annotations.Test;

/**
 * Instances a static {@code @Factory} method makes from a data provider's rows, named with
 * {@link ITest}: the third fails. TestNG orders such instances by identity hash code, differently in
 * each JVM, so each result must still be reported on its own instance.
 */
public class FactoryMade implements ITest {
  private final int n;

  public FactoryMade(int n) {
    this.n = n;
  }

  @Factory(dataProvider = "rows")
  public static Object[] make(int n) {
    return new Object[] {new FactoryMade(n)};
  }

  @DataProvider
  public static Object[][] rows() {
    return new Object[][] {{1}, {2}, {3}, {4}, {5}, {6}};
  }

  @Override
  public String getTestName() {
    return "made" + n;
  }

  @Test
  public void isNotThree() {
    if (n == 3) {
      throw new AssertionError("three");
    }
  }
}
