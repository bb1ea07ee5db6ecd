package mproc.it.suite.faults;

import mproc.Group;
import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

/** A group whose second test kills its JVM: the first has passed, the last two have not started. */
@Group("fragile")
public class CrashInGroup {
  @Test(priority = 1) public void g1() { RunLog.record("test g1"); }

  @Test(priority = 2) public void g2() {
    RunLog.record("test g2");
    System.out.println("about to crash");
    Runtime.getRuntime().halt(7);
  }

  @Test(priority = 3) public void g3() { RunLog.record("test g3"); }
  @Test(priority = 4) public void g4() { RunLog.record("test g4"); }
}
