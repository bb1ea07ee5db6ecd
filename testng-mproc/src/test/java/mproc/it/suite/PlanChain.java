package mproc.it.suite;

import org.testng.annotations.Test;

/** Planner fixture: methods tied by dependsOnMethods and by dependsOnGroups, and one alone. */
public class PlanChain {
  @Test public void first() {}
  @Test(dependsOnMethods = "first") public void second() {}
  @Test public void alone() {}
  @Test(groups = "setup") public void prepare() {}
  @Test(dependsOnGroups = "setup") public void usePrepared() {}
}
