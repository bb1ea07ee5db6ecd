package mproc.it.suite.faults;

import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

/** Long enough to kill the parent while it runs. */
public class Slow {
  @Test public void s1() throws InterruptedException { RunLog.record("test s1"); Thread.sleep(60_000); }
  @Test public void s2() throws InterruptedException { RunLog.record("test s2"); Thread.sleep(60_000); }
}
