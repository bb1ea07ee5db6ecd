package mproc.it.suite;

import org.testng.IInvokedMethod;
import org.testng.IInvokedMethodListener;
import org.testng.ITestListener;
import org.testng.ITestResult;

/** A listener that both shapes execution and observes results, as Allure's: records each test it hears of. */
public class HearsAndShapes implements ITestListener, IInvokedMethodListener {
  @Override
  public void beforeInvocation(IInvokedMethod method, ITestResult testResult) {}

  @Override
  public void onTestSuccess(ITestResult result) {
    RunLog.record("heard " + result.getMethod().getMethodName());
  }
}
