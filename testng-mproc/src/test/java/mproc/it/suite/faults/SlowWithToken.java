package mproc.it.suite.faults;

import mproc.Global;
import mproc.it.suite.RunLog;
import mproc.it.suite.fixtures.Token;
import org.testng.annotations.Test;

/** Uses a global fixture, then runs long enough to interrupt the parent. */
public class SlowWithToken {
  @Global("token") Token token;

  @Test public void t1() throws InterruptedException { RunLog.record("test t1 " + token.id); Thread.sleep(60_000); }
  @Test public void t2() throws InterruptedException { RunLog.record("test t2 " + token.id); Thread.sleep(60_000); }
}
