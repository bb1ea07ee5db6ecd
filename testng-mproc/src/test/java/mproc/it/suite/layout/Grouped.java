package mproc.it.suite.layout;

import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

/** Tests in two groups and none, for a child suite whose own {@code <groups>} TestNG ignores. */
public class Grouped {
  @Test(groups = "fast") public void fastOne() { RunLog.record("test fastOne"); }
  @Test(groups = "slow") public void slowOne() { RunLog.record("test slowOne"); }
  @Test public void plain() { RunLog.record("test plain"); }
}
