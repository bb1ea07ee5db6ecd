package mproc.testng;

import java.util.List;
import org.testng.IConfigurationListener;
import org.testng.ITestContext;
import org.testng.ITestListener;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;
import org.testng.Reporter;
import org.testng.internal.ITestResultNotifier;
import org.testng.internal.TestListenerHelper;
import org.testng.internal.TestResult;

/**
 * Reports, in the parent, a result that a worker produced, the way TestNG reports one of its own:
 * the result goes into the test context's maps (summary, XML and JUnit reports), and every test
 * listener, TestNG's exit-code listener included, is told of its start and its end.
 */
public final class ResultReplay {
  private final ITestContext context;
  private final ITestResultNotifier notifier;

  public ResultReplay(ITestContext context) {
    this.context = context;
    this.notifier = (ITestResultNotifier) context;
  }

  /** A finished test invocation. */
  public void test(
      ITestNGMethod method,
      int status,
      Object[] parameters,
      int parameterIndex,
      Throwable throwable,
      long start,
      long end,
      boolean wasRetried,
      List<String> output,
      String host) {
    TestResult result = newResult(method, parameters, parameterIndex, start, end, throwable, host);
    result.setWasRetried(wasRetried);
    result.setStatus(ITestResult.STARTED);
    List<ITestListener> listeners = notifier.getTestListeners();
    TestListenerHelper.runTestListeners(result, listeners);
    TestListenerHelper.runTestListeners(result, List.of(notifier.getExitCodeListener()));

    logOutput(result, output);
    result.setStatus(status);
    result.setEndMillis(end);
    switch (status) {
      case ITestResult.SUCCESS -> notifier.addPassedTest(method, result);
      case ITestResult.FAILURE -> notifier.addFailedTest(method, result);
      case ITestResult.SKIP -> notifier.addSkippedTest(method, result);
      case ITestResult.SUCCESS_PERCENTAGE_FAILURE -> notifier.addFailedButWithinSuccessPercentageTest(method, result);
      default -> throw new IllegalArgumentException("unexpected status " + status + " for " + method);
    }
    // TestNG tells listeners of an end in reverse order of their start, the exit-code listener last.
    TestListenerHelper.runTestListeners(result, reversed(listeners));
    TestListenerHelper.runTestListeners(result, List.of(notifier.getExitCodeListener()));
    method.incrementCurrentInvocationCount();
  }

  /** A configuration method that ran in a worker: passed, failed or skipped. */
  public void configuration(
      ITestNGMethod method, int status, Throwable throwable, long start, long end, String host) {
    TestResult result = newResult(method, new Object[0], 0, start, end, throwable, host);
    result.setStatus(status);
    if (status == ITestResult.FAILURE) {
      context.getFailedConfigurations().addResult(result);
    } else if (status == ITestResult.SKIP) {
      context.getSkippedConfigurations().addResult(result);
    } else {
      context.getPassedConfigurations().addResult(result);
    }
    for (IConfigurationListener l : notifier.getConfigurationListeners()) {
      switch (status) {
        case ITestResult.FAILURE -> l.onConfigurationFailure(result);
        case ITestResult.SKIP -> l.onConfigurationSkip(result);
        default -> l.onConfigurationSuccess(result);
      }
    }
  }

  private TestResult newResult(
      ITestNGMethod method, Object[] parameters, int parameterIndex, long start, long end, Throwable throwable, String host) {
    TestResult template = TestResult.newTestResult(parameters, parameterIndex);
    TestResult result = TestResult.newTestResultFrom(template, method, context, start);
    result.setEndMillis(end);
    result.setThrowable(throwable);
    result.setHost(host);
    return result;
  }

  private static void logOutput(ITestResult result, List<String> output) {
    if (output.isEmpty()) {
      return;
    }
    ITestResult previous = Reporter.getCurrentTestResult();
    Reporter.setCurrentTestResult(result);
    try {
      output.forEach(line -> Reporter.log(line, false));
    } finally {
      Reporter.setCurrentTestResult(previous);
    }
  }

  private static List<ITestListener> reversed(List<ITestListener> listeners) {
    List<ITestListener> copy = new java.util.ArrayList<>(listeners);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
