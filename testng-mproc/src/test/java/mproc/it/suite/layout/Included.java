package mproc.it.suite.layout;

import mproc.it.suite.RunLog;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Parameters;
import org.testng.annotations.Test;

/** Methods a {@code <methods>} block selects: some rows of a data provider, a parameter of an {@code <include>}. */
public class Included {
  @DataProvider public Object[][] rows() { return new Object[][] {{"r0"}, {"r1"}, {"r2"}, {"r3"}}; }

  @Test(dataProvider = "rows") public void row(String r) { RunLog.record("test row " + r); }

  @Parameters("p") @Test public void withParameter(String p) { RunLog.record("test withParameter " + p); }

  @Test public void excluded() { RunLog.record("test excluded"); }
}
