package mproc.it.suite.groups;

import org.testng.annotations.Test;

/** A dependency chain: c1 fails, so c2 is skipped; c3 runs anyway (alwaysRun). */
public class Chain {
  @Test public void c1() throws Exception {
    Work.run(this, "c1", 10);
    throw new AssertionError("c1 fails on purpose");
  }

  @Test(dependsOnMethods = "c1") public void c2() throws Exception { Work.run(this, "c2", 10); }

  @Test(dependsOnMethods = "c2", alwaysRun = true) public void c3() throws Exception { Work.run(this, "c3", 10); }
}
