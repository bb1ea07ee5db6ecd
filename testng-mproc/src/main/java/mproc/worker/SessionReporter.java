package mproc.worker;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import mproc.planning.Planner;
import mproc.reporting.Throwables;
import mproc.reporting.Values;
import mproc.testng.ClaimingMethod;
import mproc.testng.ResultReplay;
import mproc.transport.Channel;
import mproc.transport.Message.ConfigOutcome;
import mproc.transport.Message.StatusChanged;
import mproc.transport.Message.TestOutcome;
import mproc.transport.Message.TestStarted;
import mproc.transport.Message.Working;
import org.testng.IConfigurationListener;
import org.testng.IDataProviderInterceptor;
import org.testng.IDataProviderListener;
import org.testng.IDataProviderMethod;
import org.testng.ITestContext;
import org.testng.ITestListener;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;
import org.testng.Reporter;

/**
 * What a session tells the parent, as TestNG runs it: each test of this worker's units as it starts
 * and ends, each configuration method, data provider and lazy row as it starts (for
 * {@code mproc.timeout}, and to name what a lost worker was doing), and configuration outcomes.
 * Tests of units another worker holds are passed over in silence.
 */
final class SessionReporter implements ITestListener, IConfigurationListener, IDataProviderListener, IDataProviderInterceptor {
  private final KnownTest test;
  private final Channel results;
  /** The unit a result belongs to if this worker reports it, or null. */
  private final Function<ITestResult, KnownUnit> mine;
  /** A data provider's rows as this worker runs them: claimed one by one for a unit that spreads its rows. */
  private final BiFunction<ITestNGMethod, Iterator<Object[]>, Iterator<Object[]>> claimedRows;
  /** The session helps with another worker's unit: the class's configuration is that worker's to report. */
  private final boolean helping;
  private final Consumer<ITestResult> afterEachTestMessage;
  /**
   * Per thread, the last result sent and the status it had: an {@code @AfterMethod} that takes the
   * {@code ITestResult} may change it after TestNG's listeners heard it, and the reports list the
   * new status. Looked at on that thread's next event, and at the end of the session.
   */
  private final Map<Thread, Sent> lastSent = new ConcurrentHashMap<>();

  private static final class Sent {
    final ITestResult result;
    final KnownUnit unit;
    final int row;
    int status;

    Sent(ITestResult result, KnownUnit unit, int row) {
      this.result = result;
      this.unit = unit;
      this.row = row;
      this.status = result.getStatus();
    }
  }

  SessionReporter(KnownTest test, Channel results, Function<ITestResult, KnownUnit> mine,
      BiFunction<ITestNGMethod, Iterator<Object[]>, Iterator<Object[]>> claimedRows, boolean helping,
      Consumer<ITestResult> afterEachTestMessage) {
    this.test = test;
    this.results = results;
    this.mine = mine;
    this.claimedRows = claimedRows;
    this.helping = helping;
    this.afterEachTestMessage = afterEachTestMessage;
  }

  @Override
  public void onTestStart(ITestResult r) {
    statusChangedOnThisThread();
    KnownUnit unit = mine.apply(r);
    if (unit != null) {
      results.send(new TestStarted(unit.id(), ((ClaimingMethod) r.getMethod()).instance(), Planner.className(r.getMethod()),
          r.getMethod().getMethodName(), r.getStartMillis(), unit.rowOf(r), Values.encode(r.getParameters())));
      afterEachTestMessage.accept(r);
    }
  }

  @Override
  public void onTestSuccess(ITestResult r) {
    send(r);
  }

  @Override
  public void onTestFailure(ITestResult r) {
    send(r);
  }

  @Override
  public void onTestSkipped(ITestResult r) {
    send(r);
  }

  @Override
  public void onTestFailedButWithinSuccessPercentage(ITestResult r) {
    send(r);
  }

  @Override
  public void onFinish(ITestContext context) {
    lastSent.values().forEach(this::sendStatusIfChanged);
  }

  /** Before this thread's next event: the status an {@code @AfterMethod} may have set on the last result it sent. */
  private void statusChangedOnThisThread() {
    sendStatusIfChanged(lastSent.get(Thread.currentThread()));
  }

  private void sendStatusIfChanged(Sent sent) {
    if (sent != null && sent.result.getStatus() != sent.status) {
      sent.status = sent.result.getStatus();
      results.send(new StatusChanged(sent.unit.id(), ((ClaimingMethod) sent.result.getMethod()).instance(), sent.row, sent.status));
    }
  }

  private void send(ITestResult r) {
    statusChangedOnThisThread();
    KnownUnit unit = mine.apply(r);
    if (unit == null) {
      return; // a method another worker holds, passed over
    }
    ITestNGMethod m = r.getMethod();
    int row = unit.rowOf(r);
    results.send(
        new TestOutcome(
            unit.id(),
            ((ClaimingMethod) m).instance(),
            Planner.className(m),
            m.getMethodName(),
            r.getStatus(),
            r.getStartMillis(),
            r.getEndMillis(),
            r.wasRetried(),
            ResultReplay.failedInvocation(r),
            row,
            Values.encode(r.getParameters()),
            Throwables.encode(r.getThrowable()),
            Reporter.getOutput(r))); // a new list at each call (TestNG 7.12), which may hold a null line
    lastSent.put(Thread.currentThread(), new Sent(r, unit, row));
    if (unit.plan.spreadsRows() && row >= 0 && !r.wasRetried()) {
      unit.rowsReported.set(row);
    }
    afterEachTestMessage.accept(r);
  }

  /**
   * Method-, class- and group-level configuration that ran here is reported in the parent as in a
   * sequential run. Suite- and test-level methods are not: the parent lists them once itself, as
   * passed over (they run once per worker, see {@link ConfigurationGate}), and only their failures
   * come from the workers.
   */
  @Override
  public void beforeConfiguration(ITestResult r) {
    statusChangedOnThisThread();
    sendWorking(test, results, r.getMethod(), Working.Kind.CONFIGURATION);
  }

  @Override
  public void beforeDataProviderExecution(IDataProviderMethod dataProvider, ITestNGMethod method, ITestContext context) {
    if (method instanceof ClaimingMethod claiming) {
      claiming.dataProviderMethod(dataProvider);
    }
    sendWorking(test, results, method, Working.Kind.DATA_PROVIDER);
  }

  @Override
  public void afterDataProviderExecution(IDataProviderMethod dataProvider, ITestNGMethod method, ITestContext context) {
    sendWorking(test, results, method, Working.Kind.OVER);
  }

  /**
   * A data provider that returns arrays has made every row in its call, which the two methods above
   * announce; an {@code Iterator} (or anything else) makes each row later, so each is announced too.
   */
  @Override
  public Iterator<Object[]> intercept(Iterator<Object[]> rows, IDataProviderMethod dataProvider, ITestNGMethod method, ITestContext context) {
    if (dataProvider.getMethod().getReturnType().isArray()) {
      return claimedRows.apply(method, rows);
    }
    AnnouncedRows announced = new AnnouncedRows(rows, () -> sendWorking(test, results, method, Working.Kind.DATA_ROW),
        () -> sendWorking(test, results, method, Working.Kind.OVER));
    // TestNG also asks the rows it was given whether there are more (after a row's @AfterMethod, for
    // a method with groups or a lastTimeOnly @AfterMethod): an iterator may make the row right there.
    method.setMoreInvocationChecker(announced::hasNext);
    return claimedRows.apply(method, announced);
  }

  /** What starts now, outside a test: the parent times it ({@code mproc.timeout}) and names it if the worker is lost. */
  static void sendWorking(KnownTest test, Channel results, ITestNGMethod m, Working.Kind kind) {
    int instance = m instanceof ClaimingMethod claiming ? claiming.instance() : -1;
    results.send(new Working(test.id, Planner.className(m), m.getMethodName(), instance, kind));
  }

  @Override
  public void onConfigurationSuccess(ITestResult r) {
    statusChangedOnThisThread();
    boolean classLevel = r.getMethod().isBeforeClassConfiguration() || r.getMethod().isAfterClassConfiguration();
    if (Planner.isClassOrMethodLevel(r.getMethod()) && ConfigurationGate.ranHere(r) && !(helping && classLevel)) {
      sendConfiguration(test, results, r);
    } else {
      sendWorking(test, results, r.getMethod(), Working.Kind.OVER);
    }
  }

  @Override
  public void onConfigurationFailure(ITestResult r) {
    statusChangedOnThisThread();
    sendConfiguration(test, results, r);
  }

  @Override
  public void onConfigurationSkip(ITestResult r) {
    statusChangedOnThisThread();
    sendConfiguration(test, results, r);
  }

  /**
   * Sends a configuration method's outcome; a failure the gate gave again (an earlier run's, so that
   * what depends on it skips here) was reported when it happened: only the end of the step is sent.
   */
  static void sendConfiguration(KnownTest test, Channel results, ITestResult r) {
    ITestNGMethod m = r.getMethod();
    if (ConfigurationGate.rethrown(r)) {
      sendWorking(test, results, m, Working.Kind.OVER);
      return;
    }
    results.send(
        new ConfigOutcome(
            test.id,
            Planner.className(m),
            m.getMethodName(),
            r.getStatus(),
            r.getStartMillis(),
            r.getEndMillis(),
            Throwables.encode(r.getThrowable()),
            Values.encode(r.getParameters()), // what TestNG injected (a Method, an ITestResult, @Parameters): the report lists them
            Reporter.getOutput(r)));
    if (InProcessWorker.runningOnThisThread()) {
      mproc.testng.ReporterLines.takeBack(r); // in the parent its replay logs the lines again (see InProcessWorker)
    }
  }
}
