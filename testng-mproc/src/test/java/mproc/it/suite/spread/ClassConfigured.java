package mproc.it.suite.spread;

import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Rows in a class with its own class configuration: one worker runs them, the class set up once. */
public class ClassConfigured {
  @BeforeClass
  public void setUp() {}

  @DataProvider
  public Object[][] rows() {
    return new Object[][] {{1}, {2}};
  }

  @Test(dataProvider = "rows")
  public void row(int n) {}

  @AfterClass
  public void tearDown() {}
}
