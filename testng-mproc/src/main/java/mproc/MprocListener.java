package mproc;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mproc.parent.DistributedRun;
import mproc.planning.PlannedUnit;
import mproc.planning.Planner;
import mproc.settings.Settings;
import mproc.transport.JvmFlags;
import org.testng.IAlterSuiteListener;
import org.testng.IConfigurable;
import org.testng.IExecutionListener;
import org.testng.IInvokedMethod;
import org.testng.IInvokedMethodListener;
import org.testng.IMethodInstance;
import org.testng.IMethodInterceptor;
import org.testng.ISuite;
import org.testng.ISuiteListener;
import org.testng.ITestContext;
import org.testng.ITestNGMethod;
import org.testng.ITestListener;
import org.testng.ITestResult;
import org.testng.TestRunner;
import org.testng.xml.XmlSuite;

/**
 * The listener that spreads a suite over worker JVMs. TestNG's service loader registers it (as
 * {@link FromServiceLoader}) wherever the jar is on the class path; a suite may also name it:
 * {@code <listener class-name="mproc.MprocListener"/>}.
 *
 * <p>With {@code mproc.cores} set (system property, suite parameter, or {@code mproc.TestNG -cores}),
 * each {@code <test>}'s selected methods are planned into units and run by workers; the results are
 * reported here as if the tests had run here. Without it, the suite runs in-process as plain TestNG
 * would (a suite that names this listener still gets its global fixtures). Inside a worker it always
 * does nothing.
 *
 * <p>One instance acts for each suite: TestNG keeps one instance per listener class, but the
 * service loader's and the suite's are two classes. The first instance that wants a suite takes it
 * ({@link #actsFor}); the others stand aside.
 *
 * <p>It is no {@link IConfigurable}: TestNG keeps only one, warns when it is given a second, and
 * would then call the user's or ours, not both. A distributed suite gets {@link PassOver} put in
 * front of whatever configurable TestNG has.
 */
public class MprocListener
    implements IExecutionListener, IAlterSuiteListener, ISuiteListener, ITestListener, IInvokedMethodListener {
  /**
   * The instance TestNG's service loader makes ({@code META-INF/services/org.testng.ITestNGListener}),
   * so that the jar on the class path and {@code mproc.cores} are enough in any runner (an IDE's
   * suite has no {@code <listeners>}). A class of its own, so that TestNG keeps it beside a
   * {@code MprocListener} the suite names without warning of a duplicate. Unless {@code mproc.cores}
   * is given it does nothing at all: no queue, no thread, no file, no check of the suite.
   */
  public static final class FromServiceLoader extends MprocListener {
    public FromServiceLoader() {
      super(true);
    }
  }

  /** In a worker JVM, or made by TestNG for one of the parent's own sessions: stands aside. */
  private final boolean inWorker = System.getProperty(Settings.WORKER_ID) != null || mproc.worker.InProcessWorker.runningOnThisThread();
  private final boolean fromServiceLoader;
  private Acting.Execution execution;
  private final DistributedSuites distributed = new DistributedSuites();
  private final CurrentRun current = new CurrentRun();
  /** Durations files read in this execution, and the suites measured here because they are too small for workers. */
  private final MeasuredDurations measured = new MeasuredDurations();
  private final SuiteModes modes = new SuiteModes();
  private final SuiteFixtures fixtures = new SuiteFixtures();
  private final LastSuite lastSuite = new LastSuite();

  public MprocListener() {
    this(false);
  }

  private MprocListener(boolean fromServiceLoader) {
    this.fromServiceLoader = fromServiceLoader;
  }

  /** Whether the suite's tests run on workers (its acting instance distributes it). */
  static boolean distributes(ISuite suite) {
    MprocListener acting = Acting.forSuite(suite);
    return acting != null && acting.distributed.distributes(suite);
  }

  /** Whether this instance is the one that acts for the suite. */
  private boolean actsFor(ISuite suite) {
    return Acting.forSuite(suite) == this;
  }

  /** Whether this instance has started the run (or is starting it early): it takes its execution's suites. */
  boolean startedRun() {
    return current.started();
  }

  /** Takes the suite (see {@link Acting}): the suite's listener always, the service loader's only when {@code mproc.cores} is given. */
  private boolean takes(ISuite suite) {
    return Acting.take(suite, this, execution, !fromServiceLoader || Settings.coresGiven(suite.getXmlSuite().getAllParameters()));
  }

  /** Synchronized: suites may start in parallel (suite-thread-pool-size), and a small one may close an early run. */
  @Override
  public synchronized void onStart(ISuite suite) {
    if (inWorker || !takes(suite)) {
      return;
    }
    current.awaitEarly();
    Settings settings = Settings.resolve(suite.getXmlSuite().getAllParameters());
    fixtures.find(suite, settings);
    Planner.checkGroups(suite.getAllMethods()); // also here, as fixtures are: a suite measured small grows
    if (!settings.distributes() && Settings.coresGiven(suite.getXmlSuite().getAllParameters())) { // never silently
      System.out.println("mproc: suite '" + suite.getName() + "' runs in this JVM: " + Settings.DISABLE + " is set");
    }
    boolean distributes = settings.distributes() && worthAWorker(suite, settings);
    distributed.decide(suite, distributes);
    if (settings.distributes() && settings.parentWorks() && settings.cluster() == null && (distributes || measured.aloneByChoice(suite))) {
      modes.started(suite, measured.in(settings.durations())); // alone or with workers: which was faster, for the next runs
    }
    if (!distributes) {
      fixtures.closeOnExit(); // Ctrl-C: tear down what was set up here
      return;
    }
    SuiteChecks.requireChronicleFlags();
    SuiteChecks.warnOfParallel(suite.getXmlSuite());
    int firstWorkers = Math.min(1, suite.getAllMethods().size()); // the others once the plan says how many
    DistributedRun run = current.leading();
    if (run != null && !run.settings().sameRunAs(settings)) {
      if (!run.dispatchedAny() && !distributed.anyBut(suite)) { // started before this suite's parameters were read: again, with them
        current.closeUnused();
      } else {
        System.err.println("mproc: suite '" + suite.getName() + "' asks for workers set up differently (mproc.cores,"
            + " jvmArgs, dir, timeout, maxWorkerRestarts, cds, parentRuns, cluster or hostTimeout) from an earlier suite's; its tests run on the"
            + " workers already started. Give these settings as system properties to set them for every suite");
      }
    }
    PassOver.install(suite);
    current.start(settings, firstWorkers);
    if (current.joined()) {
      current.runJoinedToEnd();
      return;
    }
    current.showProgress(settings, suite);
    run = current.leading();
    run.fixtures(fixtures.values());
    run.durations(settings.durations(), measured.in(settings.durations()));
    run.ensureWorkers(firstWorkers);
  }

  /**
   * Whether the suite is worth starting workers for (see {@link MeasuredDurations#worthAWorker}).
   * When it is not, it runs here as plain TestNG would, and a run started early for it is closed.
   */
  private boolean worthAWorker(ISuite suite, Settings settings) {
    if (settings.cluster() != null) {
      return true; // other hosts wait for its work: a cluster run is never kept in one JVM
    }
    if (measured.worthAWorker(suite, settings)) {
      return true;
    }
    if (current.leading() != null && !distributed.any()) { // started early, for nothing: free its CPU
      current.closeUnused();
    }
    return false;
  }

  /**
   * With {@code mproc.cores} set as a system property, the run and its first worker start here,
   * before TestNG builds its test runners (a second or more for a big suite), so that the worker
   * is ready when the first plan is. The other workers start once the suite's size is known
   * ({@link #onStart}), never more than it has methods.
   */
  @Override
  public void onExecutionStart() {
    if (inWorker) {
      return;
    }
    modes.executionStarted();
    execution = Acting.join();
    if (fromServiceLoader && !Settings.coresGiven(Map.of())) {
      if (System.getProperty(Settings.CLUSTER) != null) {
        Settings.resolve(Map.of()); // a cluster without cores is one line, not a run alone
      }
      return;
    }
    if (!Acting.lead(execution, this)) {
      return;
    }
    try {
      Settings settings = Settings.resolve(Map.of());
      if (settings.distributes() && JvmFlags.presentInThisJvm() && !measured.allRunAlone(settings)) {
        current.startEarly(settings);
      }
    } catch (RuntimeException | Error e) {
      Acting.ended(execution); // this execution ends here; the next one on this thread is not it
      throw e;
    }
  }

  /** Without workers, tests run here: their {@code @Global} fields are set before their first method. */
  @Override
  public void beforeInvocation(IInvokedMethod method, ITestResult result) {
    ISuite suite = result.getTestContext().getSuite();
    if (!inWorker && actsFor(suite) && !distributed.distributes(suite)) {
      fixtures.beforeInvocation(method, result);
    }
  }

  /** A suite too small for workers: its durations are measured here, for the next run's decision. */
  @Override
  public void afterInvocation(IInvokedMethod method, ITestResult result) {
    measured.record(method, result);
  }

  /**
   * A distributed {@code <test>} gets our method interceptor, which hands its methods to the workers.
   * Only a distributed one: any interceptor besides TestNG's own makes TestNG re-sort the remaining
   * methods after each one it runs, which costs 0.5 s on 2,000 tests run here.
   */
  @Override
  public void onStart(ITestContext context) {
    if (!inWorker && actsFor(context.getSuite()) && distributed.distributes(context.getSuite())) {
      ((TestRunner) context).addListener((IMethodInterceptor) this::intercept);
      if (current.live() != null) {
        ((TestRunner) context).addListener(current.live().listener()); // issue 19: hears the workers' results
      }
    }
  }

  /**
   * Synchronized, as {@link #onStart(ISuite)} and {@link #onFinish(ISuite)}: with
   * {@code -suitethreadpoolsize} above 1, suites run on threads of their own, and one run serves
   * their {@code <test>}s one at a time (the workers are the parallelism).
   */
  private synchronized List<IMethodInstance> intercept(List<IMethodInstance> methods, ITestContext context) {
    if (current.joined()) {
      return List.of(); // the leader reports this host's tests
    }
    DistributedRun run = current.leading();
    List<ITestNGMethod> selected = new ArrayList<>(methods.size());
    methods.forEach(mi -> selected.add(mi.getMethod()));
    selected.removeIf(m -> !mproc.testng.Invocable.atAll(m, context)); // TestNG would run nothing for it, and report nothing
    List<PlannedUnit> units = Planner.plan(selected, run.durations(), run.settings().spreadRows());
    int testId;
    mproc.reporting.live.LiveRun live = current.live();
    if (live != null) { // issue 19: the progress line shows while the workers run this <test>
      live.plan(context.getName(), units);
      live.dispatching(true);
    }
    try {
      testId = current.guarded(() -> run.runTest(context, units, mproc.testng.PublishedSuite.xml(context.getSuite().getXmlSuite(), lastSuite.all())));
    } finally {
      if (live != null) {
        live.dispatching(false);
      }
    }
    distributed.handedOut(context.getSuite(), testId);
    return List.of(); // everything ran in the workers; their results are already reported
  }

  @Override
  public synchronized void onFinish(ISuite suite) {
    DistributedRun run = current.leading();
    List<Integer> handedOut = distributed.testIds(suite);
    if (!inWorker && actsFor(suite) && distributed.distributes(suite) && !handedOut.isEmpty()) {
      current.guarded(() -> {
        run.closeTests(handedOut);
        return null;
      });
    }
    if (!inWorker && (run == null || !run.interrupted())) {
      modes.finished(suite, !distributed.distributes(suite));
    }
    if (!inWorker && lastSuite.ended(suite)) {
      current.endWork(distributed.withTests()); // the workers exit while TestNG writes its reports
    }
  }

  /**
   * The list of suites tells when the last one has ended. On a host that joined a cluster run (issue
   * 20) the suites lose their {@code <test>}s: their tests run in this host's sessions and workers,
   * as the leader's plan says, and the test runners TestNG would build here would run nothing.
   */
  @Override
  public void alter(List<XmlSuite> suites) {
    if (current.joinsCluster()) {
      JoinedCluster.leaveOutTests(suites);
    }
    lastSuite.suitesToRun(suites);
    if (!inWorker && suites.stream().anyMatch(s -> Settings.coresGiven(s.getAllParameters()))) {
      mproc.testng.CachingTestNG.cacheAnnotationsOfRunningTestNG(); // before TestNG sets the suites up
    }
  }

  @Override
  public void onExecutionFinish() {
    Acting.ended(execution);
    modes.record(); // before the durations are written
    DistributedRun run = current.leading();
    measured.writeAllBut(run == null ? null : run.durations()); // the run writes its own as it closes
    current.finish(distributed.withTests());
    fixtures.close();
    current.finishJoined();
  }
}
