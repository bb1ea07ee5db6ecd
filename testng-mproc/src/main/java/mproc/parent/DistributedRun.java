package mproc.parent;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mproc.fixtures.FixtureValues;
import mproc.planning.Durations;
import mproc.planning.PlannedUnit;
import mproc.planning.WorkerNeeds;
import mproc.settings.Settings;
import mproc.transport.ClaimTable;
import mproc.transport.IdleStrategy;
import mproc.transport.Message;
import mproc.reporting.CucumberReports;
import mproc.transport.RunDirectory;
import mproc.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.ITestContext;

/**
 * One distributed run in the parent, from the first suite to the end of execution: it owns the
 * private run directory, the work and fixture channels, the claim table and the {@link WorkerPool},
 * publishes each {@code <test>}'s units, and replays the results as they arrive, on the calling
 * (TestNG) thread. A worker that dies or hangs is reported, its unstarted work goes back on the
 * queue once, and another worker takes its place.
 */
public final class DistributedRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DistributedRun.class);

  private final Settings settings;
  private final RunDirectory directory;
  private final RunChannels channels;
  private final ClaimTable claims;
  private final WorkerPool pool;
  /** The parent's own sessions ({@code mproc.parentRuns}); null when it runs none. */
  private final ParentSessions parent;
  /** What the parent's own sessions do for the read loop between their tests and classes. */
  private final ParentTurns turns;
  /** Whether worker JVMs may claim yet, when the parent runs tests itself. */
  private final WorkerGate gate;
  /** The hosts that joined this run, when it leads a cluster run ({@code mproc.cluster}); null on one machine. */
  private final JoinedHosts joined;
  private final Map<Integer, TestDispatch> testsById = new HashMap<>();
  private final WorkPublisher publisher;
  private final ResultReader reader;
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;
  private final Interruption interruption;
  private FixtureValues fixtures;
  private Durations durations = Durations.none();
  private Path durationsFile;

  private DistributedRun(Settings settings, RunDirectory directory, int firstWorkers, mproc.cluster.ClusterSeat seat) {
    this.settings = settings;
    this.directory = directory;
    Transport transport = seat != null ? seat.transport() : mproc.launch.Transports.forParent(settings, directory);
    // Cucumber's report files are given per worker JVM through a system property; the parent's are the user's.
    boolean parentWorks = settings.parentWorks() && System.getProperty(CucumberReports.PLUGIN_PROPERTY) == null;
    this.channels = RunChannels.open(settings, directory, transport, parentWorks, firstWorkers, out, err); // start() removes the directory
    this.claims = channels.claims;
    this.pool = channels.pool;
    this.parent = channels.parentResults == null ? null : new ParentSessions(channels.parentResults);
    this.gate = new WorkerGate(claims, pool, out);
    this.publisher = new WorkPublisher(channels.work);
    this.joined = seat == null ? null : new JoinedHosts(seat, pool, settings.hostTimeoutSeconds(), err);
    LostWork lostWork = new LostWork(settings, claims, pool, testsById, publisher::requeue, err);
    this.reader = new ResultReader(pool, parent == null ? null : parent.handle, gate, joined, lostWork,
        new WorkerTimeouts(settings.timeoutSeconds(), System::nanoTime), testsById, claims, channels.fixtures, err);
    if (parent == null || joined != null) {
      gate.open(); // workers are the only ones to run tests, or other hosts wait for work
    }
    this.interruption = new Interruption(this::abort, parent == null ? () -> {} : parent::stopClaiming);
    this.turns = new ParentTurns(gate, pool, reader, interruption::interrupted, interruption::closing);
  }

  /**
   * Creates the run directory and starts {@code firstWorkers} workers (0 or 1: the rest once the
   * plan is known), leading a cluster run from {@code seat} (null: one machine).
   */
  public static DistributedRun start(Settings settings, int firstWorkers, mproc.cluster.ClusterSeat seat) {
    RunDirectory directory = RunChannels.createDirectory(settings);
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
    return pool.lives(parent == null ? null : parent.life());
  }

  /** Asks for {@code min(cores, units)} workers, never more than units (see {@link WorkerPool}). */
  public void ensureWorkers(int units) {
    pool.want(units);
  }

  /** The run's global fixtures: computed here when a worker asks, closed at the end of the run. */
  public void fixtures(FixtureValues values) {
    this.fixtures = values;
    reader.fixtures(values);
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
    return publisher.dispatchedAny();
  }

  /**
   * Runs one {@code <test>}'s units on the workers; returns, with the test's id, when every method
   * has a result.
   */
  public int runTest(ITestContext context, List<PlannedUnit> units, String suiteXml) {
    long startNanos = System.nanoTime();
    LOG.debug("planned {} units of test {}", units.size(), context.getName());
    TestDispatch test = publisher.newTest(context, units, durations,
        (rowsOf, row) -> claims.rowOwner(rowsOf, row) == mproc.transport.ClaimTable.PASSED_OVER);
    testsById.put(test.testId, test);
    if (interruption.interrupted()) { // a later <test> after Ctrl-C: the workers are stopped, nothing starts
      Interruption.skipUnfinished(test);
      return test.testId;
    }
    int worthIt = WorkerNeeds.workersWorthStarting(units, durations, WorkerNeeds.WORKER_START_MILLIS, WorkerPool.PROCESSORS);
    LOG.debug("{} worker(s) worth starting for {} units", worthIt, units.size());
    if (parent != null) {
      parent.startOnce(channels.work, claims, fixtures, turns::afterTest, turns::betweenClasses);
    }
    int workers = pool.want(parent != null ? worthIt - 1 : worthIt) + (parent != null ? 1 : 0);
    publisher.publish(test, context.getName(), suiteXml, workers);
    if (parent != null) {
      gate.atPlan(test, durations, worthIt);
    }
    IdleStrategy idle = new IdleStrategy(1_000_000);
    interruption.watched(true);
    turns.dispatching(test);
    try {
      while (!test.complete()) {
        if (interruption.interrupted()) {
          Interruption.stopWorkers(test, claims, reader, pool, err);
        } else if (reader.pump(test, parent != null, interruption.closing())) {
          idle.reset();
        } else if (parent != null && parent.runOneSession()) {
          idle.reset();
        } else {
          idle.idle();
        }
      }
    } finally {
      interruption.watched(false);
      turns.dispatching(null);
      gate.dispatchEnded();
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    int n = pool.all().size();
    out.printf(Locale.ROOT, "mproc: %s: %d results from %s%d worker%s in %.2f s%n",
        context.getName(), test.results(), parent != null ? "this JVM and " : "", n, n == 1 ? "" : "s", seconds);
    return test.testId;
  }

  /** Asks every worker to run the closing configuration of these tests and waits for them. */
  public void closeTests(List<Integer> testIds) {
    if (interruption.interrupted()) {
      return;
    }
    LOG.debug("closing tests {}", testIds);
    int batch = publisher.closeTests(testIds);
    interruption.watched(true);
    try {
      if (parent != null) {
        parent.readPublished(); // runs its closing configuration now, and says so (TestsClosed)
        reader.pumpParent();
      }
      reader.awaitClosed(batch, interruption::interrupted);
    } finally {
      interruption.watched(false);
    }
  }

  /**
   * No more work will come (TestNG's last suite has ended): the workers finish and exit now, while
   * TestNG writes its reports, and the joined hosts of a cluster run are told its outcome; {@link
   * #close} then finds them gone or going.
   */
  public void endWork() {
    if (!interruption.interrupted()) {
      LOG.debug("no more work");
      publisher.endOfWork();
      if (joined != null) {
        joined.end(); // with the outcome set before: the other hosts wind up too
      }
    }
  }

  /** Ends the run: workers finish and exit, global fixtures are closed, the run directory is removed. */
  @Override
  public void close() {
    if (!interruption.startClosing()) {
      return;
    }
    LOG.debug("ending the run");
    try {
      publisher.endOfWork();
      if (parent != null) {
        parent.finish(); // its tests' closing configuration not run yet (a run ended without closeTests)
        reader.pumpParent();
        parent.ended();
      }
      for (RemoteWorker w : List.copyOf(pool.all())) { // a joined host's worker may join meanwhile
        reader.drain(w);
        w.end(interruption.interrupted());
      }
      if (joined != null) {
        joined.end();
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
      interruption.ended();
      if (!interruption.interrupted()) {
        pool.prepareNextStart();
      }
    }
  }

  /** On JVM exit without a normal close (Ctrl-C, an exception): kill workers, close fixtures, remove the directory. */
  private void abort() {
    if (!interruption.startClosing()) {
      return;
    }
    channels.stopLocalWorkers();
    if (joined != null) {
      joined.abandon();
    }
    if (fixtures != null) {
      fixtures.closeAll(err);
    }
    release();
  }

  private void release() {
    if (fixtures != null) {
      fixtures.whenShared(v -> {}); // a fixture computed later (an @AfterSuite in this JVM) has no channel to go to
    }
    channels.close();
    if (joined != null) {
      joined.close();
    }
    directory.close();
  }

  /** What the joined hosts of a cluster run print and exit with when it ends, made when they are told. */
  public void outcome(java.util.function.Supplier<Message.RunEnded> outcome) {
    if (joined != null) {
      joined.outcome(outcome);
    }
  }

  /** Whether Ctrl-C or SIGTERM came during the run. */
  public boolean interrupted() {
    return interruption.interrupted();
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
    channels.stopLocalWorkers();
    directory.close();
    Runtime.getRuntime().halt(1);
  }
}
