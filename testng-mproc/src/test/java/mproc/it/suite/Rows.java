package mproc.it.suite;

import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Five data-provider rows, none from another, and a test that takes a while, for comparing reports and listener calls. */
public class Rows {
  @DataProvider public Object[][] slugs() {
    return new Object[][] {{"alpha"}, {"beta"}, {"gamma"}, {"delta"}, {"epsilon"}};
  }

  @Test(dataProvider = "slugs")
  public void slug(String slug) {
    RunLog.record("test slug " + slug);
  }

  /** No rows: no result, in either run. */
  @DataProvider public Object[][] none() {
    return new Object[0][];
  }

  @Test(dataProvider = "none")
  public void noRows(String never) {
    RunLog.record("test noRows");
  }

  @Test public void sleeps() throws InterruptedException {
    RunLog.record("test sleeps");
    Thread.sleep(300);
  }
}
