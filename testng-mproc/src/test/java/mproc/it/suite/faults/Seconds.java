package mproc.it.suite.faults;

import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

/** Tests of a second each: the one in flight when the parent is interrupted ends soon after. */
public class Seconds {
  @Test public void sec1() throws InterruptedException { RunLog.record("test sec1"); Thread.sleep(1_000); }
  @Test public void sec2() throws InterruptedException { RunLog.record("test sec2"); Thread.sleep(1_000); }
  @Test public void sec3() throws InterruptedException { RunLog.record("test sec3"); Thread.sleep(1_000); }
  @Test public void sec4() throws InterruptedException { RunLog.record("test sec4"); Thread.sleep(1_000); }
  @Test public void sec5() throws InterruptedException { RunLog.record("test sec5"); Thread.sleep(1_000); }
  @Test public void sec6() throws InterruptedException { RunLog.record("test sec6"); Thread.sleep(1_000); }
  @Test public void sec7() throws InterruptedException { RunLog.record("test sec7"); Thread.sleep(1_000); }
  @Test public void sec8() throws InterruptedException { RunLog.record("test sec8"); Thread.sleep(1_000); }
}
