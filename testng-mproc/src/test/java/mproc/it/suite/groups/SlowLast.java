package mproc.it.suite.groups;

import org.testng.annotations.Test;

/** One slow test that TestNG reaches last (its class comes last in the suite). */
public class SlowLast {
  @Test public void slow() throws Exception { Work.run(this, "slow", 600); }
}
