package mproc.it.suite.inherit;

import mproc.it.suite.RunLog;
import org.testng.ITestListener;
import org.testng.ITestResult;

/** A listener that only observes, declared with {@code @Listeners} on a test class: TestNG has it hear every test of the run. */
public class Heard implements ITestListener {
  @Override
  public void onTestSuccess(ITestResult r) {
    RunLog.record("heard " + r.getMethod().getMethodName());
  }

  @Override
  public void onTestFailure(ITestResult r) {
    RunLog.record("heard " + r.getMethod().getMethodName());
  }

  @Override
  public void onTestSkipped(ITestResult r) {
    RunLog.record("heard " + r.getMethod().getMethodName());
  }
}
