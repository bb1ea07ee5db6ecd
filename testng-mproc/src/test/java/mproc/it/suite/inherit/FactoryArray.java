package mproc.it.suite.inherit;

import org.testng.ITest;
import org.testng.annotations.Factory;
import org.testng.annotations.Test;

/**
 * The classic {@code @Factory}: one static method, no data provider, several instances told apart
 * only by the values the factory gave them; the third fails.
 */
public class FactoryArray implements ITest {
  private final int n;
  private final String label;

  public FactoryArray(int n) {
    this.n = n;
    this.label = "array" + n;
  }

  @Factory
  public static Object[] make() {
    return new Object[] {new FactoryArray(1), new FactoryArray(2), new FactoryArray(3), new FactoryArray(4)};
  }

  @Override
  public String getTestName() {
    return label;
  }

  @Test
  public void isNotThree() {
    if (n == 3) {
      throw new AssertionError("three");
    }
  }
}
