package mproc.it.suite.state;

import org.testng.annotations.BeforeTest;
import org.testng.annotations.Test;

/**
 * A base class whose {@code @BeforeTest} its subclasses inherit, as jclouds-core's handler tests'.
 * TestNG runs it once per {@code <test>}, on the first listed class that has it: this one, so a
 * subclass listed later never gets its field set, sequentially.
 */
public class SharedBase {
  protected String injector;

  @BeforeTest
  public void setUpInjector() {
    injector = "made";
  }

  @Test
  public void baseHasIt() {
    org.testng.Assert.assertNotNull(injector);
  }
}
