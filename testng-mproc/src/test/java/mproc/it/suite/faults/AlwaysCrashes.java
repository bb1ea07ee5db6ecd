package mproc.it.suite.faults;

import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

/** Every test kills its worker. */
public class AlwaysCrashes {
  @Test public void c1() { crash("c1"); }
  @Test public void c2() { crash("c2"); }
  @Test public void c3() { crash("c3"); }
  @Test public void c4() { crash("c4"); }

  private static void crash(String name) {
    RunLog.record("test " + name);
    System.exit(9);
  }
}
