package mproc.it.suite.broken;

import mproc.it.suite.RunLog;
import org.testng.annotations.BeforeSuite;
import org.testng.annotations.Test;

/** A suite whose {@code @BeforeSuite} fails: TestNG skips every test of the suite. */
public class BrokenSuiteSetup {
  @BeforeSuite
  public void startTheServer() {
    RunLog.record("config startTheServer");
    throw new IllegalStateException("the server did not start");
  }

  @Test
  public void served() {
    RunLog.record("test served");
  }
}
