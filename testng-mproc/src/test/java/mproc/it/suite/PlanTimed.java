package mproc.it.suite;

import org.testng.annotations.Test;

/** Planner fixture: a method TestNG runs on a thread pool, and a plain one. */
public class PlanTimed {
  @Test(invocationCount = 4, threadPoolSize = 2) public void pooled() {}
  @Test public void simple() {}
}
