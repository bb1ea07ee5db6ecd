package mproc.it.suite.rows;

import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** A data provider that fails, and asks TestNG to report that as the test's failure rather than a skip. */
public class ProviderFails {
  @DataProvider(propagateFailureAsTestFailure = true)
  public Object[][] broken() {
    throw new IllegalStateException("no rows today");
  }

  @Test(dataProvider = "broken")
  public void fedByABrokenProvider(String row) {}

  @DataProvider
  public Object[][] alsoBroken() {
    throw new IllegalStateException("no rows either");
  }

  @Test(dataProvider = "alsoBroken")
  public void withoutTheAsking(String row) {}
}
