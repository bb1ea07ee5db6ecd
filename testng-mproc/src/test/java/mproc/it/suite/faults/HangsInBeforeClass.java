package mproc.it.suite.faults;

import mproc.it.suite.RunLog;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** Its {@code @BeforeClass} never returns, so none of its tests starts. */
public class HangsInBeforeClass {
  @BeforeClass
  public void setUp() throws InterruptedException {
    RunLog.record("beforeClass HangsInBeforeClass");
    Thread.sleep(600_000);
  }

  @Test public void never1() { RunLog.record("test never1"); }
  @Test public void never2() { RunLog.record("test never2"); }
}
