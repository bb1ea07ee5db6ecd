package mproc.it.suite;

import org.testng.annotations.AfterSuite;
import org.testng.annotations.BeforeSuite;

/** Suite-level configuration without tests: runs once in each worker that runs tests. */
public class SuiteHooks {
  @BeforeSuite public void beforeSuite() { RunLog.record("beforeSuite"); }
  @AfterSuite public void afterSuite() { RunLog.record("afterSuite"); }
}
