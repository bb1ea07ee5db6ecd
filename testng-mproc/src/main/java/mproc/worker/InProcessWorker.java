package mproc.worker;

import mproc.fixtures.FixtureInjector;
import mproc.fixtures.FixtureSource;
import mproc.transport.Channel;
import mproc.transport.ClaimTable;
import mproc.testng.ReporterLines;

/**
 * The parent JVM as one of the run's workers ({@code mproc.parentRuns}): the same loop, sessions,
 * claims and messages as a worker JVM's, driven a step at a time from the parent's read loop, on
 * TestNG's thread. Its results go through a result channel of its own (in memory, in the leading
 * parent) and are replayed like any worker's; between its classes, {@code betweenClasses} lets the
 * parent read and replay the others'.
 *
 * <p>The parent already has TestNG loaded and warm, so its first test starts as soon as the plan is
 * published, while worker JVMs are still starting; a suite smaller than a worker's start-up needs
 * no worker at all.
 */
public final class InProcessWorker {
  /** Its claims' owner id: above any worker JVM's (1, 2, ...), below the parent's own {@code Long.MAX_VALUE}. */
  public static final int OWNER_ID = Integer.MAX_VALUE;
  /** Set while this thread runs one of its TestNG runs: the listener that TestNG makes there stands aside. */
  private static final ThreadLocal<Boolean> RUNNING = ThreadLocal.withInitial(() -> false);

  private final Worker worker;
  /** A joined host's: the leader's global fixtures, asked for as a worker JVM asks; else null. */
  private final FixtureClient leadersFixtures;

  /**
   * @param work the parent's work channel, read by this worker (the parent only writes it)
   * @param results the channel its messages go to
   * @param fixtures the parent's global fixtures, computed here when a test of this worker needs one
   * @param afterEachTest called after each test's end it sends (on the test's thread)
   * @param betweenClasses called as each session reaches a class, before its {@code @BeforeClass}:
   *     where the parent reads and replays the workers' results. Not between tests: a user's listener
   *     that acts on what it hears (Apache Pulsar's clears Mockito's mocks and resets singletons when
   *     a class ends) would then act in the middle of this JVM's class, as it never does sequentially.
   */
  public InProcessWorker(Channel work, Channel results, ClaimTable claims, FixtureSource fixtures, Runnable afterEachTest,
      Runnable betweenClasses) {
    this(OWNER_ID, work, results, claims, fixtures, null, r -> {
      if (r.getStatus() != org.testng.ITestResult.STARTED) {
        afterEachTest.run();
      }
    }, betweenClasses);
  }

  private InProcessWorker(long ownerId, Channel work, Channel results, ClaimTable claims, FixtureSource fixtures,
      FixtureClient leadersFixtures, java.util.function.Consumer<org.testng.ITestResult> afterEachTestMessage,
      Runnable betweenClasses) {
    this.leadersFixtures = leadersFixtures;
    this.worker = new Worker(ownerId, false, work, results, claims, new FixtureInjector(fixtures), r -> {
      if (r.getStatus() != org.testng.ITestResult.STARTED) {
        ReporterLines.takeBack(r); // its lines are in TestNG's JVM-wide list, and its replay logs them again
      }
      afterEachTestMessage.accept(r);
    }, betweenClasses);
  }

  /**
   * The JVM of a host that joined a cluster run, as one of its cores (issue 20): its claims carry
   * {@code ownerId}, and global fixtures come from the leader through {@code fixtures}, as a worker
   * JVM's do.
   */
  public static InProcessWorker forJoinedHost(long ownerId, Channel work, Channel results, Channel fixtures, ClaimTable claims,
      Runnable betweenTests) {
    FixtureClient client = new FixtureClient(fixtures, results);
    return new InProcessWorker(ownerId, work, results, claims, client, client, r -> betweenTests.run(), () -> {});
  }

  /** A joined host's: code that asks for a global fixture ({@code GlobalFixtures}) gets the leader's value from now on. */
  public void useLeadersFixtures() {
    if (leadersFixtures != null) {
      FixtureSource.Current.install(leadersFixtures);
    }
  }

  /** Whether it has read the end of the work. */
  public boolean ended() {
    return worker.ended();
  }

  /** Whether the calling thread is in one of the parent's own TestNG runs (not the user's run). */
  public static boolean runningOnThisThread() {
    return RUNNING.get();
  }

  /** Runs one session from the first free unit, if any; false if nothing was free. */
  public boolean runOneSession() {
    return inOwnRun(worker::step);
  }

  /** Reads what the parent published: the plans, and a request to close tests, which it does at once. */
  public void readPublished() {
    inOwnRun(() -> {
      worker.readPublished();
      return true;
    });
  }

  /**
   * The run is interrupted (Ctrl-C): its session claims nothing more, so that TestNG's thread gets
   * back to the read loop after the test in flight. Any thread may call it.
   */
  public void stopClaiming() {
    worker.stopClaiming();
  }

  /** The end of the run: closes the tests it ran that were not closed yet. */
  public void finish() {
    inOwnRun(() -> {
      worker.readPublished();
      worker.finish();
      return true;
    });
  }

  private static boolean inOwnRun(java.util.function.BooleanSupplier step) {
    boolean outer = RUNNING.get();
    RUNNING.set(true);
    try {
      return step.getAsBoolean();
    } finally {
      RUNNING.set(outer);
    }
  }
}
