package mproc.it.suite.inherit;

import org.testng.annotations.Test;

/**
 * A class-level {@code @Test(enabled = false)}: TestNG selects its public methods, then invokes only
 * those with an enabled {@code @Test} of their own. The parent planned the other one, which no JVM
 * ran ("ended its unit without running"), and failed it.
 */
@Test(enabled = false)
public class DisabledAtClassLevel {
  public void disabledWithTheClass() {
    throw new AssertionError("never run: disabled with its class");
  }

  @Test
  public void enabledOfItsOwn() throws InterruptedException {
    Thread.sleep(30);
  }
}
