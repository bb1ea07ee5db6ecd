package mproc.testng;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.testng.IConfigurationListener;
import org.testng.IResultMap;
import org.testng.ISuite;
import org.testng.ITestContext;
import org.testng.ITestListener;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;
import org.testng.Reporter;
import org.testng.internal.ITestResultNotifier;
import org.testng.internal.TestListenerHelper;
import org.testng.internal.TestResult;
import org.testng.internal.invokers.IInvocationStatus;

/**
 * Reports, in the parent, a result that a worker produced, the way TestNG reports one of its own
 * (7.12.0's {@code TestInvoker.invokeMethod}), in two steps as the worker's messages arrive:
 * {@link #start} when the worker starts the test (the result, with its parameters and start time,
 * goes to {@code onTestStart}; the method counts as invoked for the suite), and {@link #finish} on the
 * same result when its outcome arrives (the method's invocation count goes up, then the listeners
 * hear of the end in reverse order, the exit-code listener last, then the result goes into the test
 * context's maps for the summary and the reports).
 */
public final class ResultReplay {
  private final ITestContext context;
  private final ITestResultNotifier notifier;
  private final ListenersInWorkers inWorkers;

  public ResultReplay(ITestContext context) {
    this.context = context;
    this.notifier = (ITestResultNotifier) context;
    this.inWorkers = new ListenersInWorkers(context);
    forgetPassesOfFailed();
  }

  /** The test listeners that hear replayed results: not those that heard them live in a worker. */
  private List<ITestListener> testListeners() {
    return inWorkers.replayedTo(notifier.getTestListeners());
  }

  /** A test invocation a worker started: listeners hear {@code onTestStart}; returns the result to finish. */
  public ITestResult start(ITestNGMethod method, Object[] parameters, int parameterIndex, long start, String host) {
    TestResult result = newResult(method, parameters, parameterIndex, start, 0L, null, host);
    result.setStatus(ITestResult.STARTED);
    if (method instanceof IInvocationStatus invoked) {
      invoked.setInvokedAt(start); // what TestNG's suite runner records, as an invoked-method listener, for getAllInvokedMethods
    }
    ITestResult previous = Reporter.getCurrentTestResult();
    Reporter.setCurrentTestResult(result);
    try {
      TestListenerHelper.runTestListeners(result, testListeners());
      TestListenerHelper.runTestListeners(result, List.of(notifier.getExitCodeListener()));
    } finally {
      Reporter.setCurrentTestResult(previous);
    }
    return result;
  }

  /** Ends a result of {@link #start} (or of {@link #unstarted}) with the worker's outcome. */
  public void finish(
      ITestResult started, int status, Object[] parameters, Throwable throwable, long end, boolean wasRetried, List<String> output) {
    TestResult result = (TestResult) started;
    ITestNGMethod method = result.getMethod();
    result.setParameters(parameters);
    result.setThrowable(throwable);
    result.setWasRetried(wasRetried);
    result.setEndMillis(end);
    result.setStatus(status);
    logOutput(result, output);
    method.incrementCurrentInvocationCount(); // TestNG counts the invocation before the listeners hear of its end
    ITestResult previous = Reporter.getCurrentTestResult();
    Reporter.setCurrentTestResult(result);
    try {
      TestListenerHelper.runTestListeners(result, reversed(testListeners()));
      TestListenerHelper.runTestListeners(result, List.of(notifier.getExitCodeListener()));
    } finally {
      Reporter.setCurrentTestResult(previous);
    }
    if (skippedAfterAFailedInvocation(method, status, throwable)) {
      return; // listeners hear of it, but TestNG's reports and exit code leave it out (MethodRunner.runInSequence)
    }
    switch (status) {
      case ITestResult.SUCCESS -> notifier.addPassedTest(method, result);
      case ITestResult.FAILURE -> notifier.addFailedTest(method, result);
      case ITestResult.SKIP -> notifier.addSkippedTest(method, result);
      case ITestResult.SUCCESS_PERCENTAGE_FAILURE -> notifier.addFailedButWithinSuccessPercentageTest(method, result);
      default -> throw new IllegalArgumentException("unexpected status " + status + " for " + method);
    }
  }

  /**
   * The invocation number TestNG's invoker recorded for this result as a failed one (it adds the
   * row, or the factory's row, of a data-driven or factory-made test that ended with a throwable and
   * is not retried, which {@code testng-failed.xml} lists so that a rerun runs only those); -1 if
   * none. A skip TestNG made for a failed dependency never ran: its method has no such number.
   */
  public static int failedInvocation(ITestResult r) {
    org.testng.internal.IParameterInfo factory = r.getMethod().getFactoryMethodParamsInfo();
    boolean parameterized = (r.getParameters() != null && r.getParameters().length > 0) || factory != null;
    int number = factory != null ? factory.getIndex() : r.getParameterIndex();
    return r.getThrowable() != null && !r.wasRetried() && parameterized && r.getMethod().getFailedInvocationNumbers().contains(number)
        ? number : -1;
  }

  /**
   * An invocation TestNG skipped because an earlier one of the method failed (its
   * {@code skipFailedInvocations}, or the run's or {@code <test>}'s {@code skipfailedinvocationcounts}):
   * it makes a skip without a throwable for each invocation left, which the listeners hear of and
   * the test context does not keep.
   */
  private boolean skippedAfterAFailedInvocation(ITestNGMethod method, int status, Throwable throwable) {
    return status == ITestResult.SKIP && throwable == null && method.getInvocationCount() > 1
        && (method.skipFailedInvocations() || RunOptions.skipsFailedInvocations(context.getCurrentXmlTest()))
        && !context.getFailedTests().getResults(method).isEmpty();
  }

  /**
   * A result whose test never started, to {@link #finish}: TestNG reports a data provider that
   * failed, or rows it could not make, without {@code onTestStart}.
   */
  public ITestResult unstarted(ITestNGMethod method, Object[] parameters, int parameterIndex, long start, String host) {
    return newResult(method, parameters, parameterIndex, start, 0L, null, host);
  }

  /**
   * A result the parent makes itself (a test a lost worker left, or that never ran): started and
   * finished at once, as TestNG reports a test it skips.
   */
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
    ITestResult result = start(method, parameters, parameterIndex, start, host);
    finish(result, status, parameters, throwable, end, wasRetried, output);
  }

  /** A configuration method that ran in a worker: passed, failed or skipped. */
  public void configuration(ITestNGMethod method, int status, Throwable throwable, long start, long end, String host,
      Object[] parameters, List<String> output) {
    if (status != ITestResult.SUCCESS && oncePerWorker(method) && !firstFailureOf(method)) {
      return;
    }
    TestResult result = newResult(method, parameters, 0, start, end, throwable, host);
    result.setStatus(status);
    logOutput(result, output);
    if (status != ITestResult.SKIP && method instanceof IInvocationStatus invoked) {
      invoked.setInvokedAt(start); // it ran: TestNG lists it among the suite's invoked methods
    }
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

  /** Inherited by several classes, a configuration method is one method still: its declaring class names it. */
  private String failedOnceKey(ITestNGMethod method) {
    Method declared = method.getConstructorOrMethod().getMethod();
    return (method.isBeforeSuiteConfiguration() || method.isAfterSuiteConfiguration() ? "" : context.getName() + "/")
        + declared.getDeclaringClass().getName() + "." + declared.getName();
  }

  /** The results in {@code map} of this method, whichever class inherits it. */
  private static List<ITestResult> resultsOf(IResultMap map, Method declared) {
    return map.getAllResults().stream().filter(r -> declared.equals(r.getMethod().getConstructorOrMethod().getMethod())).toList();
  }

  /**
   * A later {@code <test>}: TestNG runs the suite's {@code @BeforeSuite} before it too, and the parent
   * passed over it again; one that failed in the workers before is listed once, failed, as sequentially.
   */
  private void forgetPassesOfFailed() {
    Set<String> failed;
    synchronized (FAILED_ONCE) {
      failed = Set.copyOf(FAILED_ONCE.getOrDefault(context.getSuite(), Set.of()));
    }
    if (failed.isEmpty()) {
      return;
    }
    for (ITestResult passed : context.getPassedConfigurations().getAllResults()) {
      if (oncePerWorker(passed.getMethod()) && failed.contains(failedOnceKey(passed.getMethod()))) {
        context.getPassedConfigurations().removeResult(passed);
      }
    }
  }

  /** Suite- and test-level configuration: it runs once in each JVM, where a sequential run runs it once. */
  private static boolean oncePerWorker(ITestNGMethod m) {
    return m.isBeforeSuiteConfiguration() || m.isAfterSuiteConfiguration() || m.isBeforeTestConfiguration() || m.isAfterTestConfiguration();
  }

  /** What each suite (suite-level) or {@code <test>} (test-level) reported failed or skipped of those, once. */
  private static final Map<ISuite, Set<String>> FAILED_ONCE = new WeakHashMap<>();

  /**
   * Whether this is the first failure (or skip) of a suite- or test-level configuration method that
   * reaches the parent: a sequential run lists it once, failed, so the first stands for every JVM's,
   * and the pass the parent listed for it as it passed over it (it runs in the workers) goes.
   */
  private boolean firstFailureOf(ITestNGMethod method) {
    Method declared = method.getConstructorOrMethod().getMethod();
    String key = failedOnceKey(method);
    synchronized (FAILED_ONCE) {
      if (!FAILED_ONCE.computeIfAbsent(context.getSuite(), s -> new HashSet<>()).add(key)) {
        return false;
      }
    }
    List<ITestContext> contexts = new ArrayList<>(List.of(context));
    context.getSuite().getResults().values().forEach(r -> contexts.add(r.getTestContext()));
    if (contexts.stream().anyMatch(c -> !resultsOf(c.getFailedConfigurations(), declared).isEmpty())) {
      return false; // it failed in the parent's own TestNG too (a parameter it could not inject): listed already
    }
    contexts.forEach(c -> resultsOf(c.getPassedConfigurations(), declared).forEach(c.getPassedConfigurations()::removeResult));
    return true;
  }

  private TestResult newResult(
      ITestNGMethod method, Object[] parameters, int parameterIndex, long start, long end, Throwable throwable, String host) {
    ReplayedDataProvider.giveTo(method, context);
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
    List<ITestListener> copy = new ArrayList<>(listeners);
    Collections.reverse(copy);
    return copy;
  }
}
