package mproc.it.suite.faults;

import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

public class Quick {
  @Test public void q1() { RunLog.record("test q1"); }
  @Test public void q2() { RunLog.record("test q2"); }
}
