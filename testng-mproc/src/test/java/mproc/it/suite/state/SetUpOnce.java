package mproc.it.suite.state;

import static org.testng.Assert.assertEquals;

import mproc.Group;
import org.testng.annotations.AfterTest;
import org.testng.annotations.BeforeGroups;
import org.testng.annotations.BeforeSuite;
import org.testng.annotations.BeforeTest;
import org.testng.annotations.Test;

/**
 * Keeps in fields what its suite-, test- and group-level configuration made, as real suites do: the
 * tests need the instance that configuration ran on. The {@code @Group} test makes a worker run it
 * in a TestNG run of its own first; the others come in a later run of the same worker.
 */
public class SetUpOnce {
  private String suite;
  private String test;
  private String group;

  @BeforeSuite
  public void startSuite() {
    suite = "suite";
  }

  @BeforeTest
  public void startTest() {
    test = "test";
  }

  @BeforeGroups("fast")
  public void startGroup() {
    group = "group";
  }

  @Test
  @Group("first")
  public void alone() {
    check();
  }

  @Test
  public void one() {
    check();
  }

  @Test(groups = "fast")
  public void two() {
    check();
    assertEquals(group, "group");
  }

  @Test
  public void three() {
    check();
  }

  @AfterTest
  public void stopTest() {
    check();
  }

  private void check() {
    assertEquals(suite, "suite", "set by @BeforeSuite");
    assertEquals(test, "test", "set by @BeforeTest");
  }
}
