package mproc.it.suite;

import org.testng.ITestListener;
import org.testng.ITestResult;

/** A user's listener in the parent: records every finished test it is told of, with the host. */
public class RecordingListener implements ITestListener {
  @Override public void onTestSuccess(ITestResult r) { record("PASS", r); }
  @Override public void onTestFailure(ITestResult r) { record("FAIL", r); }
  @Override public void onTestSkipped(ITestResult r) { record("SKIP", r); }

  private static void record(String status, ITestResult r) {
    RunLog.record("listener " + status + " " + r.getMethod().getMethodName() + " " + r.getHost());
  }
}
