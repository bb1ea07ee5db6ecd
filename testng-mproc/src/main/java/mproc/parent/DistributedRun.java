package mproc.parent;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mproc.launch.WorkerCommand;
import mproc.launch.WorkerProcess;
import java.nio.file.Path;
import mproc.fixtures.FixtureValues;
import mproc.planning.Durations;
import mproc.planning.PlannedUnit;
import mproc.planning.Planner;
import mproc.settings.Settings;
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
import mproc.transport.Message.TestPlan;
import mproc.transport.Message.TestStarted;
import mproc.transport.Message.TestsClosed;
import mproc.transport.Message.UnitDone;
import mproc.transport.Message.UnitPlan;
import mproc.transport.Message.WorkerReady;
import mproc.transport.RunDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.ITestContext;

/**
 * One distributed run in the parent, from the first suite to the end of execution: it owns the
 * private run directory, the work channel, the claim table and the workers, publishes each
 * {@code <test>}'s units, and replays the results as they arrive, on the calling (TestNG) thread.
 */
public final class DistributedRun implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DistributedRun.class);
  private static final long WORKER_EXIT_GRACE_MS = 30_000;

  private final Settings settings;
  private final RunDirectory directory;
  private final Channel work;
  private final Channel fixtureChannel;
  private final java.util.Set<String> publishedFixtures = new java.util.HashSet<>();
  private FixtureValues fixtures;
  private final ClaimTable claims;
  private final List<RemoteWorker> workers = new ArrayList<>();
  private final Map<Integer, TestDispatch> testsById = new HashMap<>();
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;
  private final Thread cleanupOnExit;
  private int nextTestId;
  private int nextUnitId;
  private int closeBatch;
  private int wanted;
  private Durations durations = Durations.none();
  private Path durationsFile;
  /** A test is running: a worker that becomes ready may let the others start. */
  private boolean dispatching;
  private boolean closed;

  private DistributedRun(Settings settings, RunDirectory directory) {
    this.settings = settings;
    this.directory = directory;
    this.work = Channel.open(directory.workChannel());
    this.fixtureChannel = Channel.open(directory.fixtureChannel());
    this.claims = ClaimTable.open(directory.claimFile());
    this.cleanupOnExit = new Thread(this::abort, "mproc-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanupOnExit);
  }

  public static DistributedRun start(Settings settings) {
    return new DistributedRun(settings, RunDirectory.create(settings.baseDir()));
  }

  /**
   * Asks for {@code min(cores, units)} workers, never more than units. The first starts now; the
   * others once it is ready (see {@link #startPendingWorkers}), so that on a machine with few cores
   * the first worker is not slowed by the start-up of all the others.
   */
  public void ensureWorkers(int units) {
    wanted = Math.max(wanted, Math.min(settings.cores(), units));
    if (workers.isEmpty() && wanted > 0) {
      startWorker();
    }
    startPendingWorkers();
  }

  /** Starts the wanted workers not started yet, once the first worker is ready (or gone). */
  private void startPendingWorkers() {
    if (workers.size() < wanted && (workers.get(0).ready || workers.get(0).gone)) {
      while (workers.size() < wanted) {
        startWorker();
      }
    }
  }

  private void startWorker() {
    int id = workers.size() + 1;
    Channel results = Channel.open(directory.resultChannel(id));
    List<String> command = WorkerCommand.of(directory.path(), id, settings.jvmArgs());
    workers.add(new RemoteWorker(WorkerProcess.start(id, command, out, err), results));
    LOG.debug("started worker {}: {}", id, command);
  }

  /** The run's global fixtures: computed here when a worker asks, closed at the end of the run. */
  public void fixtures(FixtureValues values) {
    this.fixtures = values;
  }

  /** Reads the measured durations of earlier runs from this file, once, and writes them back at the end. */
  public void durationsFile(Path file) {
    if (durationsFile == null) {
      durationsFile = file;
      durations = Durations.read(file);
    }
  }

  public Durations durations() {
    return durations;
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
    if (nextUnitId > ClaimTable.CAPACITY) {
      throw new IllegalStateException("more than " + ClaimTable.CAPACITY + " units of work in one run");
    }
    testsById.put(test.testId, test);
    work.send(new TestPlan(test.testId, context.getName(), suiteXml, test.configurations.suiteAndTestLevelClasses()));
    for (int i = 0; i < units.size(); i++) {
      PlannedUnit unit = units.get(i);
      List<MethodRef> refs = new ArrayList<>();
      unit.methods().stream()
          .map(m -> new MethodRef(Planner.className(m), m.getMethodName()))
          .distinct()
          .forEach(refs::add);
      work.send(new UnitPlan(test.firstUnitId + i, test.testId, refs, unit.exclusive()));
    }
    ensureWorkers(units.size());
    IdleStrategy idle = new IdleStrategy(1_000_000);
    dispatching = true;
    while (!test.complete()) {
      if (pump(test)) {
        idle.reset();
      } else {
        idle.idle();
      }
    }
    dispatching = false;
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    out.printf(
        Locale.ROOT,
        "mproc: %s: %d results from %d worker%s in %.2f s%n",
        context.getName(), test.results, workers.size(), workers.size() == 1 ? "" : "s", seconds);
    return test.testId;
  }

  /** Asks every worker to run the closing configuration of these tests and waits for them. */
  public void closeTests(List<Integer> testIds) {
    LOG.debug("closing tests {}", testIds);
    int batch = ++closeBatch;
    work.send(new CloseTests(batch, testIds));
    IdleStrategy idle = new IdleStrategy(1_000_000);
    for (RemoteWorker w : workers) {
      while (!w.gone) {
        boolean alive = w.process.isAlive();
        Message m = w.results.poll();
        if (m == null) {
          if (!w.ready) {
            break; // still starting: it has read no plan, so it has run nothing to close
          }
          w.gone = !alive;
          idle.idle();
          continue;
        }
        idle.reset();
        if (m instanceof TestsClosed closed && closed.batch() == batch) {
          break;
        }
        handle(w, m);
      }
    }
  }

  /** Reads what every worker has sent; true if anything was read. */
  private boolean pump(TestDispatch test) {
    boolean any = false;
    for (int i = 0; i < workers.size(); i++) { // handling a message may start more workers
      RemoteWorker w = workers.get(i);
      if (w.gone) {
        continue;
      }
      boolean alive = w.process.isAlive();
      for (Message m = w.results.poll(); m != null; m = w.results.poll()) {
        handle(w, m);
        any = true;
      }
      if (!alive) {
        workerGone(w, test);
        any = true;
      }
    }
    if (!any && workers.stream().allMatch(w -> w.gone) && !test.complete()) {
      abandonUnclaimed(test);
    }
    return any;
  }

  private void handle(RemoteWorker w, Message m) {
    if (m instanceof TestStarted started) {
      w.inFlight = started;
    } else if (m instanceof TestOutcome outcome) {
      w.inFlight = null;
      testsById.get(testOf(outcome.unitId())).testOutcome(outcome, w.host());
    } else if (m instanceof ConfigOutcome config) {
      testsById.get(config.testId()).configOutcome(config, w.host());
    } else if (m instanceof UnitDone done) {
      testsById.get(testOf(done.unitId())).unitDone(done.unitId(), w.host());
    } else if (m instanceof FixtureRequest request) {
      // Published once for every worker; a second request (two workers asked at once) is answered already.
      if (publishedFixtures.add(request.name())) {
        fixtureChannel.send(fixtures.publish(request.name()));
      }
    } else if (m instanceof TestsClosed) {
      // An answer the parent did not wait for: the worker was still starting when it asked.
    } else if (m instanceof WorkerReady ready) {
      w.ready = true;
      if (dispatching) {
        startPendingWorkers();
      }
      LOG.debug("worker {} (pid {}) is ready", ready.workerId(), ready.pid());
    } else {
      throw new IllegalStateException("unexpected message from " + w.process.describe() + ": " + m);
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

  /** A worker exited: what it held and had not finished is reported, nothing is lost. */
  private void workerGone(RemoteWorker w, TestDispatch test) {
    w.gone = true;
    int code = w.process.exitCode();
    String running =
        w.inFlight == null ? "" : " while running " + w.inFlight.className() + "." + w.inFlight.methodName();
    List<String> lastLines = w.process.lastLines();
    String why =
        w.process.describe() + " exited with code " + code + running
            + (lastLines.isEmpty() ? "" : "; its last output:\n  " + String.join("\n  ", lastLines));
    for (int u = test.firstUnitId; u < test.firstUnitId + test.units.size(); u++) {
      if (claims.owner(u) == w.id() && !test.isDone(u)) {
        test.abandon(u, w.inFlight, why, w.host());
      }
    }
    if (code != 0 || !test.complete()) {
      err.println("mproc: " + w.process.describe() + " exited with code " + code + running);
    }
    startPendingWorkers();
  }

  /** No worker is left: whatever nobody claimed is reported skipped, so that the run ends. */
  private void abandonUnclaimed(TestDispatch test) {
    for (int u = test.firstUnitId; u < test.firstUnitId + test.units.size(); u++) {
      if (!test.isDone(u) && (claims.claim(u, Long.MAX_VALUE) || claims.owner(u) == Long.MAX_VALUE)) {
        test.abandon(u, null, "no worker was left to run it (every worker exited)", "mproc");
      }
    }
  }

  /** Ends the run: workers finish and exit, the run directory is removed. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    LOG.debug("ending the run");
    try {
      work.send(new EndOfWork());
      for (RemoteWorker w : workers) {
        for (Message m = w.results.poll(); m != null; m = w.results.poll()) {
          handle(w, m);
        }
        // One still starting has run nothing: stop it now rather than wait for its start-up.
        w.process.stop(w.ready ? WORKER_EXIT_GRACE_MS : 0);
      }
      if (durationsFile != null) {
        durations.write(durationsFile);
      }
      if (fixtures != null) {
        fixtures.closeAll(err); // after every worker's last test
      }
    } finally {
      release();
      LOG.debug("run ended");
      try {
        Runtime.getRuntime().removeShutdownHook(cleanupOnExit);
      } catch (IllegalStateException e) {
        // Already shutting down: the hook is running or has run.
      }
    }
  }

  /** On JVM exit without a normal close (Ctrl-C, an exception): kill workers, remove the directory. */
  private void abort() {
    if (closed) {
      return;
    }
    closed = true;
    for (RemoteWorker w : workers) {
      w.process.stop(0);
    }
    if (fixtures != null) {
      fixtures.closeAll(err);
    }
    release();
  }

  private void release() {
    for (RemoteWorker w : workers) {
      w.results.close();
    }
    work.close();
    fixtureChannel.close();
    claims.close();
    directory.close();
  }
}
