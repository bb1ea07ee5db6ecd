package mproc.it.suite;

import org.testng.annotations.Test;

/** Planner fixture: two independent methods. */
public class PlanPlain {
  @Test public void b() {}
  @Test public void a() {}
}
