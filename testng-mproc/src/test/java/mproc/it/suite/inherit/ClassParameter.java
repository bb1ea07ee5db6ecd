package mproc.it.suite.inherit;

import org.testng.annotations.Parameters;
import org.testng.annotations.Test;

/** Reads a parameter that its {@code <class>} element sets over the suite's. */
public class ClassParameter {
  @Test
  @Parameters("level")
  public void seesItsClassParameter(String level) {
    if (!level.equals("class")) {
      throw new AssertionError("the parameter of the <class>, not '" + level + "'");
    }
  }
}
