package mproc.parent;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mproc.fixtures.FixtureValues;
import mproc.planning.Durations;
import mproc.planning.PlannedUnit;
import mproc.planning.Planner;
import mproc.settings.Settings;
import mproc.settings.SettingsException;
import mproc.transport.Channel;
import mproc.transport.ClaimTable;
import mproc.transport.IdleStrategy;
import mproc.transport.Message;
import mproc.transport.Message.CloseTests;
import mproc.transport.Message.ConfigOutcome;
import mproc.transport.Message.EndOfWork;
import mproc.transport.Message.FixtureRequest;
import mproc.transport.Message.MethodRef;
import mproc.transport.Message.TestOutcome;
import mproc.reporting.CucumberReports;
import mproc.testng.RunOptions;
import mproc.transport.Message.TestPlan;
import mproc.transport.Message.TestStarted;
import mproc.transport.Message.TestsClosed;
import mproc.transport.Message.UnitDone;
import mproc.transport.Message.UnitPlan;
import mproc.transport.Message.WorkerReady;
import mproc.transport.Message.Working;
import mproc.transport.RunDirectory;
import mproc.transport.Transport;
import mproc.worker.InProcessWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.ITestContext;
import org.testng.ITestNGMethod;

/**
 * One distributed run in the parent, from the first suite to the end of execution: it owns the
 * private run directory, the work and fixture channels, the claim table and the {@link WorkerPool},
 * publishes each {@code <test>}'s units, and replays the results as they arrive, on the calling
 * (TestNG) thread. A worker that dies or hangs is reported, its unstarted work goes back on the
 * queue once, and another worker takes its place.
 */
public final class DistributedRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DistributedRun.class);
  private static final long WORKER_EXIT_GRACE_MS = 30_000;

  private final Settings settings;
  private final RunDirectory directory;
  private final Channel work;
  private final Channel fixtureChannel;
  private final ClaimTable claims;
  private final WorkerPool pool;
  /** The parent's own sessions' channel and handle ({@code mproc.parentRuns}); null when it runs none. */
  private final RemoteWorker parent;
  private volatile InProcessWorker parentWorker;
  /** The {@code <test>} being dispatched, which the parent's own sessions read the workers for between their tests. */
  private TestDispatch dispatched;
  /** Whether worker JVMs may claim yet, when the parent runs tests itself. */
  private final WorkerGate gate;
  /** The hosts that joined this run, when it leads a cluster run ({@code mproc.cluster}); null on one machine. */
  private final JoinedHosts joined;
  private final mproc.cluster.ClusterSeat seat;
  /** What the joined hosts are told when the run ends (set by the listener, which has TestNG's results). */
  private Message.RunEnded outcome;
  private final Map<Integer, TestDispatch> testsById = new HashMap<>();
  private final WorkerTimeouts timeouts;
  private final LostWork lostWork;
  private final Set<String> publishedFixtures = new HashSet<>();
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;
  private final Thread cleanupOnExit;
  private FixtureValues fixtures;
  private Durations durations = Durations.none();
  private Path durationsFile;
  private int nextTestId;
  private int nextUnitId;
  private int closeBatch;
  /**
   * TestNG's thread is in a loop that watches {@link #interrupted} (dispatching a {@code <test>}, or
   * waiting for the workers to close tests), so Ctrl-C can let it end the run.
   */
  private volatile boolean dispatching;
  private volatile boolean closed;
  /** Ctrl-C or SIGTERM: TestNG's thread stops dispatching, reports what it has, and ends the run. */
  private volatile boolean interrupted;
  private final java.util.concurrent.CountDownLatch ended = new java.util.concurrent.CountDownLatch(1);
  private static final long INTERRUPTED_REPORT_WAIT_MS = 15_000;

  private DistributedRun(Settings settings, RunDirectory directory, int firstWorkers, mproc.cluster.ClusterSeat seat) {
    this.settings = settings;
    this.directory = directory;
    this.seat = seat;
    Transport transport = seat != null ? seat.transport() : mproc.launch.Transports.forParent(settings, directory);
    this.claims = transport.openClaims();
    WorkerPool workers = null;
    Channel workChannel = null;
    Channel parentResults = null;
    // Cucumber's report files are given per worker JVM through a system property; the parent's are the user's.
    boolean parentWorks = settings.parentWorks() && System.getProperty(CucumberReports.PLUGIN_PROPERTY) == null;
    try {
      workers = new WorkerPool(settings, parentWorks ? settings.cores() - 1 : settings.cores(), directory, transport, out, err);
      // The first worker starts before this JVM opens its first queue (Chronicle's set-up, ~0.1 s),
      // which the worker does not need: either side may create a queue.
      workers.want(firstWorkers);
      workChannel = transport.openWork();
      this.fixtureChannel = transport.openFixtures();
      if (parentWorks) {
        parentResults = transport.openResults(InProcessWorker.CHANNEL_ID);
      }
    } catch (RuntimeException | Error e) {
      for (RemoteWorker w : workers == null ? List.<RemoteWorker>of() : workers.shutDown()) {
        w.process.stop(0);
        w.results.close();
      }
      if (workChannel != null) {
        workChannel.close();
      }
      if (parentResults != null) {
        parentResults.close();
      }
      claims.close();
      throw e; // start() removes the directory
    }
    this.pool = workers;
    this.work = workChannel;
    this.parent = parentResults == null ? null : new RemoteWorker(InProcessWorker.OWNER_ID, parentResults);
    this.gate = new WorkerGate(claims, pool, out);
    this.timeouts = new WorkerTimeouts(settings.timeoutSeconds(), System::nanoTime);
    this.lostWork = new LostWork(settings, claims, pool, testsById, this::requeue, err);
    this.joined = seat == null ? null : new JoinedHosts(seat.cluster(), transport, pool, settings.hostTimeoutSeconds());
    if (parent == null || joined != null) {
      gate.open(); // workers are the only ones to run tests, or other hosts wait for work
    }
    this.cleanupOnExit = new Thread(this::onExit, "mproc-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupOnExit);
  }

  /** Creates the run directory and starts {@code firstWorkers} workers (0 or 1: the rest once the plan is known). */
  public static DistributedRun start(Settings settings, int firstWorkers) {
    return start(settings, firstWorkers, null);
  }

  /** As {@link #start(Settings, int)}, leading a cluster run from {@code seat} (null: one machine). */
  public static DistributedRun start(Settings settings, int firstWorkers, mproc.cluster.ClusterSeat seat) {
    RunDirectory directory;
    try {
      directory = RunDirectory.create(settings.baseDir());
    } catch (IllegalStateException e) {
      throw new SettingsException("mproc: " + e.getMessage());
    } catch (java.io.UncheckedIOException e) {
      throw new SettingsException("mproc: " + e.getMessage() + " (" + e.getCause() + "); point mproc.dir at a directory you can write to");
    }
    try {
      return new DistributedRun(settings, directory, firstWorkers, seat);
    } catch (RuntimeException | Error e) {
      try {
        directory.close();
      } catch (RuntimeException cleanup) {
        e.addSuppressed(cleanup);
      }
      throw e;
    }
  }

  /** Every worker of the run so far, the replaced ones included, in the order they started. */
  public List<mproc.reporting.WorkerLife> workerLives() {
    List<mproc.reporting.WorkerLife> lives = new ArrayList<>();
    if (parent != null && parentWorker != null) {
      lives.add(parent.life());
    }
    pool.all().forEach(w -> lives.add(w.life()));
    return lives;
  }

  /** Asks for {@code min(cores, units)} workers, never more than units (see {@link WorkerPool}). */
  public void ensureWorkers(int units) {
    pool.want(units);
  }

  /** The run's global fixtures: computed here when a worker asks, closed at the end of the run. */
  public void fixtures(FixtureValues values) {
    this.fixtures = values;
  }

  /** The measured durations of earlier runs, read from this file; this run's are added and written back at the end. */
  public void durations(Path file, Durations read) {
    if (durationsFile == null) {
      durationsFile = file;
      durations = read;
    }
  }

  public Durations durations() {
    return durations;
  }

  public Settings settings() {
    return settings;
  }

  /** Whether any {@code <test>} has been handed to the workers yet. */
  public boolean dispatchedAny() {
    return nextTestId > 0;
  }

  /**
   * Runs one {@code <test>}'s units on the workers; returns, with the test's id, when every method
   * has a result.
   */
  public int runTest(ITestContext context, List<PlannedUnit> units, String suiteXml) {
    long startNanos = System.nanoTime();
    LOG.debug("planned {} units of test {}", units.size(), context.getName());
    TestDispatch test = new TestDispatch(nextTestId++, context, units, nextUnitId, durations);
    nextUnitId += units.size();
    testsById.put(test.testId, test);
    if (interrupted) { // a later <test> after Ctrl-C: the workers are stopped, nothing starts
      for (int unitId : new ArrayList<>(test.units().keySet())) {
        test.abandon(unitId, null, "the run was interrupted (Ctrl-C or SIGTERM)", "mproc", false);
      }
      return test.testId;
    }
    int worthIt = Planner.workersWorthStarting(units, durations, Planner.WORKER_START_MILLIS, WorkerPool.PROCESSORS);
    LOG.debug("{} worker(s) worth starting for {} units", worthIt, units.size());
    if (parent != null && parentWorker == null) {
      parentWorker = new InProcessWorker(work, parent.results, claims, fixtures, this::betweenParentTests);
      parent.readyMillis = System.currentTimeMillis(); // its lane in the timeline starts with its first <test>
    }
    int workers = pool.want(parent != null ? worthIt - 1 : worthIt) + (parent != null ? 1 : 0);
    work.send(new TestPlan(test.testId, context.getName(), suiteXml, test.configurations.suiteAndTestLevelClasses(), workers,
        RunOptions.ofThisRun()));
    test.units().forEach((id, unit) -> publish(test, id, unit));
    if (parent != null) {
      gate.atPlan(test, durations, worthIt);
    }
    IdleStrategy idle = new IdleStrategy(1_000_000);
    dispatching = true;
    dispatched = test;
    try {
      while (!test.complete()) {
        if (interrupted) {
          stopForInterrupt(test);
        } else if (pump(test)) {
          idle.reset();
        } else if (parentWorker != null && parentWorker.runOneSession()) {
          idle.reset();
        } else {
          idle.idle();
        }
      }
    } finally {
      dispatching = false;
      dispatched = null;
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    int n = pool.all().size();
    out.printf(Locale.ROOT, "mproc: %s: %d results from %s%d worker%s in %.2f s%n",
        context.getName(), test.results, parentWorker != null ? "this JVM and " : "", n, n == 1 ? "" : "s", seconds);
    return test.testId;
  }

  /**
   * Between two of the parent's own tests (it runs them on TestNG's thread, as its read loop): the
   * workers' results are read and replayed, so that nothing waits for the parent's session to end.
   */
  private void betweenParentTests() {
    if (dispatched != null && !interrupted) {
      pump(dispatched);
      gate.judge(dispatched);
    }
  }

  /** Reads and handles what the parent's own sessions sent; true if anything. */
  private boolean pumpParent() {
    boolean any = false;
    if (parent != null) {
      for (Message m = parent.results.poll(); m != null; m = parent.results.poll()) {
        gate.heardFromParent(m);
        handle(parent, m);
        any = true;
      }
    }
    return any;
  }

  /** The rest of a lost worker's unit, published again under a new id. */
  private void requeue(TestDispatch test, PlannedUnit again) {
    int id = nextUnitId++;
    test.requeue(id, again);
    publish(test, id, again);
  }

  private void publish(TestDispatch test, int unitId, PlannedUnit unit) {
    if (unitId >= ClaimTable.CAPACITY) {
      throw new IllegalStateException("more than " + ClaimTable.CAPACITY + " units of work in one run");
    }
    List<MethodRef> refs = new ArrayList<>();
    unit.methods().stream()
        .map(m -> new MethodRef(Planner.className(m), m.getMethodName()))
        .distinct()
        .forEach(refs::add);
    work.send(new UnitPlan(unitId, test.testId, refs, unit.exclusive(), Math.max(0, unit.expectedMillis())));
  }

  /**
   * The JVM is shutting down (Ctrl-C, SIGTERM) before the run ended: let TestNG's thread stop the
   * workers, report every unfinished test as skipped and write TestNG's reports; if it does not end
   * the run in time, stop everything here. Outside the read loop (an error, {@code System.exit})
   * there is nobody to ask: stop at once.
   */
  private void onExit() {
    if (closed) { // TestNG's thread is ending the run: let it stop the workers and close the fixtures
      interrupted = true; // no grace for the workers from here
      try {
        ended.await(INTERRUPTED_REPORT_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    if (!dispatching) {
      abort(); // an error or System.exit elsewhere: nobody is in the read loop to hear of it
      return;
    }
    interrupted = true;
    InProcessWorker own = parentWorker;
    if (own != null) {
      own.stopClaiming(); // TestNG's thread may be in one of the parent's own sessions
    }
    try {
      if (ended.await(INTERRUPTED_REPORT_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    abort();
  }

  /** Interrupted: workers stop now; what has no result is skipped with the reason. */
  private void stopForInterrupt(TestDispatch test) {
    pumpParent();
    for (RemoteWorker w : pool.shutDown()) {
      w.process.stop(0);
      for (Message m = w.results.poll(); m != null; m = w.results.poll()) {
        handle(w, m);
      }
      w.gone = true;
    }
    for (int unitId : new ArrayList<>(test.units().keySet())) {
      if (!test.isDone(unitId)) {
        test.abandon(unitId, null, "the run was interrupted (Ctrl-C or SIGTERM)", "mproc", false);
      }
    }
    err.println("mproc: interrupted: workers stopped; unfinished tests are reported skipped");
  }

  /** Asks every worker to run the closing configuration of these tests and waits for them. */
  public void closeTests(List<Integer> testIds) {
    if (interrupted) {
      return;
    }
    LOG.debug("closing tests {}", testIds);
    int batch = ++closeBatch;
    work.send(new CloseTests(batch, testIds));
    IdleStrategy idle = new IdleStrategy(1_000_000);
    dispatching = true;
    try {
      if (parentWorker != null) {
        parentWorker.readPublished(); // runs its closing configuration now, and says so (TestsClosed)
        pumpParent();
      }
      awaitClosed(batch, idle);
    } finally {
      dispatching = false;
    }
  }

  private void awaitClosed(int batch, IdleStrategy idle) {
    for (RemoteWorker w : List.copyOf(pool.all())) { // a joined host's worker may join meanwhile
      long quietSince = timeouts.now();
      while (!w.gone && !interrupted) {
        boolean alive = w.process.isAlive();
        Message m = w.results.poll();
        if (m == null) {
          if (!w.ready) {
            break; // still starting: it has read no plan, so it has run nothing to close
          }
          if (!alive) {
            w.gone = true;
            List<String> lastLines = w.process.lastLines();
            String why = w.process.ending() + " while running @AfterTest/@AfterSuite"
                + (lastLines.isEmpty() ? "" : "; its last output:\n  " + String.join("\n  ", lastLines));
            err.println("mproc: " + why);
            lostWork.failConfigurationInFlight(w, why);
          } else if (timeouts.past(quietSince)) {
            String dump = pool.stopHung(w);
            w.gone = true;
            for (Message late = w.results.poll(); late != null; late = w.results.poll()) {
              handle(w, late); // what it finished while the dump was taken is not lost
            }
            String why = timeouts.closingRanTooLong(w, dump);
            err.println("mproc: " + why);
            lostWork.failConfigurationInFlight(w, why);
          }
          idle.idle();
          continue;
        }
        idle.reset();
        if (m instanceof TestsClosed closing && closing.batch() == batch) {
          break;
        }
        handle(w, m);
        quietSince = timeouts.now(); // after handle: a fixture the parent computed was not the worker's time
      }
    }
  }

  /** Reads what every worker has sent; true if anything was read. */
  private boolean pump(TestDispatch test) {
    if (joined != null && joined.refresh()) { // a joined host's new workers join the pool; a lost host's are gone
      lostWork.releaseLateClaims(test);
    }
    boolean any = pumpParent();
    List<RemoteWorker> workers = pool.all();
    for (int i = 0; i < workers.size(); i++) { // handling a message may start more workers
      RemoteWorker w = workers.get(i);
      if (w.gone) {
        continue;
      }
      boolean alive = w.process.isAlive(); // before reading: a dead worker's last messages are all in
      boolean heard = false;
      for (Message m = w.results.poll(); m != null; m = w.results.poll()) {
        handle(w, m);
        heard = true;
      }
      if (heard) {
        timeouts.heard(w);
        any = true;
      }
      if (!alive) {
        lostWork.workerGone(w, test, closed);
        any = true;
      } else if (timeouts.ranTooLong(w)) {
        w.stoppedBecause = timeouts.testRanTooLong(w, pool.stopHung(w));
        any = true;
      } else if (silentTooLongOutsideTests(w, test)) {
        w.stoppedOutsideTests = true;
        w.stoppedBecause = timeouts.stuckOutsideTests(w, pool.stopHung(w));
        any = true;
      }
    }
    if (!any && pool.alive() == 0 && parentWorker == null && !test.complete()) {
      lostWork.abandonUnclaimed(test); // (the parent's own sessions take what no worker can)
    }
    pool.startPending();
    return any;
  }

  /**
   * Ready, no test in flight, nothing heard for {@code mproc.timeout}, and a claimed unit not done:
   * stuck in a run's set-up, a configuration method or a data provider.
   */
  private boolean silentTooLongOutsideTests(RemoteWorker w, TestDispatch test) {
    if (!timeouts.silentTooLong(w)) {
      return false;
    }
    boolean holding = false;
    for (int unitId : test.units().keySet()) {
      if (claims.owner(unitId) == w.id() && !test.isDone(unitId)) {
        holding = true;
        break;
      }
    }
    // Read once more: a worker sends Working before it claims, so a claim seen here has its message in.
    boolean heard = false;
    for (Message m = w.results.poll(); m != null; m = w.results.poll()) {
      handle(w, m);
      heard = true;
    }
    if (!holding || heard) {
      timeouts.heard(w); // the clock runs only while it holds work and says nothing
      return false;
    }
    return true;
  }

  private void handle(RemoteWorker w, Message m) {
    if (m instanceof Working working) {
      w.working = working.kind() == Working.Kind.OVER ? null : working;
    } else if (m instanceof TestStarted started) {
      w.working = null;
      w.inFlight = started;
      w.inFlightSinceNanos = timeouts.now();
      pool.testStarted();
      testsById.get(testOf(started.unitId())).testStarted(started, w.host());
    } else if (m instanceof TestOutcome outcome) {
      w.inFlight = null;
      testsById.get(testOf(outcome.unitId())).testOutcome(outcome, w.host());
    } else if (m instanceof ConfigOutcome config) {
      w.working = null;
      testsById.get(config.testId()).configOutcome(config, w.host());
    } else if (m instanceof UnitDone done) {
      w.working = null;
      testsById.get(testOf(done.unitId())).unitDone(done.unitId(), w.host());
    } else if (m instanceof FixtureRequest request) {
      // Published once for every worker; a second request (two workers asked at once) is answered already.
      if (publishedFixtures.add(request.name())) {
        long computing = System.nanoTime();
        fixtureChannel.send(fixtures.publish(request.name()));
        // The asking worker's test waited for this (others may have asked too): not its time.
        long spent = System.nanoTime() - computing;
        pool.all().forEach(other -> {
          other.inFlightSinceNanos += spent;
          other.heardNanos += spent;
        });
      }
    } else if (m instanceof TestsClosed) {
      // An answer the parent did not wait for: the worker was still starting when it asked.
      w.working = null;
    } else if (m instanceof WorkerReady ready) {
      pool.ready(w, ready.readyMillis());
      LOG.debug("worker {} (pid {}) is ready", ready.workerId(), ready.pid());
    } else {
      throw new IllegalStateException("unexpected message from " + w.host() + ": " + m);
    }
  }

  private int testOf(int unitId) {
    for (TestDispatch t : testsById.values()) {
      if (t.owns(unitId)) {
        return t.testId;
      }
    }
    throw new IllegalStateException("no test holds unit " + unitId);
  }

  /** Ends the run: workers finish and exit, global fixtures are closed, the run directory is removed. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    LOG.debug("ending the run");
    try {
      work.send(new EndOfWork());
      if (parentWorker != null) {
        parentWorker.finish(); // its tests' closing configuration not run yet (a run ended without closeTests)
        pumpParent();
        parent.endedMillis = System.currentTimeMillis();
      }
      for (RemoteWorker w : List.copyOf(pool.all())) {
        for (Message m = w.results.poll(); m != null; m = w.results.poll()) {
          handle(w, m);
        }
        // One still starting has run nothing: stop it now rather than wait for its start-up.
        w.process.stop(w.ready && !interrupted ? WORKER_EXIT_GRACE_MS : 0);
        if (w.endedMillis == 0) {
          w.endedMillis = System.currentTimeMillis();
        }
      }
      if (joined != null) {
        joined.end(outcome != null ? outcome : new Message.RunEnded(true, List.of("mproc: the leader reported no outcome")));
      }
      if (durationsFile != null) {
        durations.writeOrWarn(durationsFile, err);
      }
      CucumberReports.join(System.getProperty(CucumberReports.PLUGIN_PROPERTY), err); // every worker has written its own
      if (fixtures != null) {
        fixtures.closeAll(err); // after every worker's last test
      }
    } finally {
      release();
      LOG.debug("run ended");
      ended.countDown();
      if (!interrupted) {
        pool.prepareNextStart();
      }
      try {
        Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook is running or has run.
      }
    }
  }

  /** On JVM exit without a normal close (Ctrl-C, an exception): kill workers, close fixtures, remove the directory. */
  private void abort() {
    if (closed) {
      return;
    }
    closed = true;
    for (RemoteWorker w : pool.shutDown()) {
      if (w.local()) {
        w.process.stop(0);
      }
    }
    if (joined != null) {
      try {
        joined.end(new Message.RunEnded(true, List.of("mproc: the leader stopped before the run ended")));
      } catch (RuntimeException e) {
        err.println("mproc: could not tell the other hosts that the run stopped: " + e.getMessage());
      }
    }
    if (fixtures != null) {
      fixtures.closeAll(err);
    }
    release();
  }

  private void release() {
    for (RemoteWorker w : List.copyOf(pool.all())) {
      w.results.close();
    }
    if (parent != null) {
      parent.results.close();
    }
    work.close();
    fixtureChannel.close();
    claims.close();
    if (joined != null) {
      joined.close();
      seat.close();
    }
    directory.close();
  }

  /** What the joined hosts of a cluster run print and exit with when it ends. */
  public void outcome(Message.RunEnded outcome) {
    this.outcome = outcome;
  }

  /** Whether this run leads a cluster run. */
  public boolean leadsCluster() {
    return joined != null;
  }

  /**
   * Redis is lost (the heartbeat could not beat for {@code mproc.hostTimeout}): the local workers
   * stop, the run directory goes, and the JVM halts, as no read of the run would ever answer.
   */
  public void haltForLostCluster() {
    for (RemoteWorker w : pool.shutDown()) {
      if (w.local()) {
        w.process.stop(0);
      }
    }
    directory.close();
    Runtime.getRuntime().halt(1);
  }
}
