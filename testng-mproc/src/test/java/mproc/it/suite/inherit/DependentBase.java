package mproc.it.suite.inherit;

import org.testng.annotations.Test;

/** A base class whose test depends on another it declares: each subclass inherits both. */
public abstract class DependentBase {
  abstract boolean breaks();

  @Test
  public void upstream() {
    if (breaks()) {
      throw new AssertionError("upstream breaks in " + getClass().getSimpleName());
    }
  }

  @Test(dependsOnMethods = "upstream")
  public void downstream() {}
}
