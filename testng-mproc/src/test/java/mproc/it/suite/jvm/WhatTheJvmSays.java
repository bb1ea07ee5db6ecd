package mproc.it.suite.jvm;

import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

/** Records what a test sees of its JVM: assertions on or off, and a property set at run time. */
public class WhatTheJvmSays {
  @Test
  public void records() {
    boolean assertions = false;
    assert assertions = true; // runs only with -ea
    RunLog.record("assertions " + assertions);
    RunLog.record("property " + System.getProperty("it.setAtRunTime"));
    RunLog.record("stack " + System.getProperty("it.onTheCommandLine"));
    RunLog.record("sharing " + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-Xshare") || a.startsWith("-XX:SharedArchiveFile")).toList().toString().replace(' ', '_'));
  }
}
