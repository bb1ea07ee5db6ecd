package mproc.parent;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import mproc.fixtures.FixtureValues;
import mproc.transport.Channel;
import mproc.transport.ClaimTable;
import mproc.transport.IdleStrategy;
import mproc.transport.Message;
import mproc.transport.Message.ConfigOutcome;
import mproc.transport.Message.FixtureRequest;
import mproc.transport.Message.StatusChanged;
import mproc.transport.Message.TestOutcome;
import mproc.transport.Message.TestStarted;
import mproc.transport.Message.TestsClosed;
import mproc.transport.Message.UnitDone;
import mproc.transport.Message.WorkerReady;
import mproc.transport.Message.Working;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parent's read side: what every worker (and the parent's own sessions, and on a cluster's
 * leader the joined hosts' workers) sends is read and handed to its {@code <test>}'s
 * {@link TestDispatch}, which replays it into TestNG; a worker that died or ran past
 * {@code mproc.timeout} is found here, and {@link LostWork} deals with what it leaves.
 */
final class ResultReader {
  private static final Logger LOG = LoggerFactory.getLogger(ResultReader.class);

  private final WorkerPool pool;
  /** The parent's own sessions' handle, or null when it runs none. */
  private final RemoteWorker parent;
  private final WorkerGate gate;
  private final JoinedHosts joined;
  private final LostWork lostWork;
  private final WorkerTimeouts timeouts;
  private final Map<Integer, TestDispatch> testsById;
  private final ClaimTable claims;
  private final Channel fixtureChannel;
  private final PrintStream err;
  private FixtureValues fixtures;
  /**
   * Held by the one thread that reads. Reading is on TestNG's thread, but TestNG runs some of the
   * parent's own tests on threads of its own (a method's {@code threadPoolSize}, a parallel data
   * provider, a {@code timeOut}), which let the gate judge after each test, and a test its
   * {@code timeOut} left behind may go on. When such threads read too, one polled a worker's
   * TestStarted and another polled and handled its TestOutcome first, so that the unit's end found
   * the test still in flight and reported it failed besides its result (jclouds-s3 in bench/realworld).
   */
  private final ReentrantLock reading = new ReentrantLock();

  ResultReader(WorkerPool pool, RemoteWorker parent, WorkerGate gate, JoinedHosts joined, LostWork lostWork, WorkerTimeouts timeouts,
      Map<Integer, TestDispatch> testsById, ClaimTable claims, Channel fixtureChannel, PrintStream err) {
    this.pool = pool;
    this.parent = parent;
    this.gate = gate;
    this.joined = joined;
    this.lostWork = lostWork;
    this.timeouts = timeouts;
    this.testsById = testsById;
    this.claims = claims;
    this.fixtureChannel = fixtureChannel;
    this.err = err;
  }

  /** The run's global fixtures, computed here when a worker asks or the parent's own test needs one; each outcome is sent once. */
  void fixtures(FixtureValues values) {
    this.fixtures = values;
    values.whenShared(fixtureChannel::send);
  }

  /**
   * Reads what every worker has sent; true if anything was read.
   *
   * @param parentRunsTests the parent's own sessions take what no worker can
   * @param runEnding the run is closing: a lost worker is not replaced
   */
  boolean pump(TestDispatch test, boolean parentRunsTests, boolean runEnding) {
    return locked(() -> pumpAll(test, parentRunsTests, runEnding));
  }

  /**
   * Runs {@code step} (reads, and what goes with them) unless another thread is reading: that one
   * reads what there is, what this thread's test sent included.
   */
  void unlessReading(Runnable step) {
    if (!reading.tryLock()) {
      return;
    }
    try {
      step.run();
    } finally {
      reading.unlock();
    }
  }

  private boolean locked(BooleanSupplier read) {
    reading.lock();
    try {
      return read.getAsBoolean();
    } finally {
      reading.unlock();
    }
  }

  private boolean pumpAll(TestDispatch test, boolean parentRunsTests, boolean runEnding) {
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
      if (drain(w)) {
        timeouts.heard(w);
        any = true;
      }
      if (!alive) {
        lostWork.workerGone(w, test, runEnding);
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
    if (!any && pool.alive() == 0 && !parentRunsTests && !test.complete()) {
      lostWork.abandonUnclaimed(test);
    }
    pool.startPending();
    return any;
  }

  /** Reads and handles what the parent's own sessions sent; true if anything. */
  boolean pumpParent() {
    return locked(this::pumpParentNow);
  }

  private boolean pumpParentNow() {
    if (parent == null) {
      return false;
    }
    boolean any = false;
    for (Message m = parent.results.poll(); m != null; m = parent.results.poll()) {
      handle(parent, m);
      any = true;
    }
    return any;
  }

  /** Handles every message the worker has sent so far; true if there was any. */
  boolean drain(RemoteWorker w) {
    return locked(() -> drainNow(w));
  }

  private boolean drainNow(RemoteWorker w) {
    boolean any = false;
    for (Message m = w.results.poll(); m != null; m = w.results.poll()) {
      handle(w, m);
      any = true;
    }
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
      if (!test.isDone(unitId) && (helping(w, test, unitId) || claims.owner(unitId) == w.id())) { // local checks first: an owner may be a Redis round trip
        holding = true;
        break;
      }
    }
    // Read once more: a worker sends Working before it claims, so a claim seen here has its message in.
    if (!holding || drain(w)) {
      timeouts.heard(w); // the clock runs only while it holds work and says nothing
      return false;
    }
    return true;
  }

  /**
   * Whether the worker is in a step of a unit whose rows it helps with (it claims rows, not the
   * unit): a helper stuck in a row's {@code @BeforeMethod} holds that row.
   */
  private static boolean helping(RemoteWorker w, TestDispatch test, int unitId) {
    Working working = w.working;
    return working != null && working.testId() == test.testId && test.rowsOf(unitId) >= 0
        && working.className().equals(mproc.planning.Planner.className(test.units().get(unitId).methods().get(0)));
  }

  /**
   * Waits for every worker to say it ran the closing configuration of {@code batch}
   * ({@link TestsClosed}); one that dies or runs past {@code mproc.timeout} there is reported, and
   * the method it was in fails.
   */
  void awaitClosed(int batch, BooleanSupplier interrupted) {
    locked(() -> {
      awaitClosedNow(batch, interrupted);
      return true;
    });
  }

  private void awaitClosedNow(int batch, BooleanSupplier interrupted) {
    IdleStrategy idle = new IdleStrategy(1_000_000);
    for (RemoteWorker w : List.copyOf(pool.all())) { // a joined host's worker may join meanwhile
      long quietSince = timeouts.now();
      while (!w.gone && !interrupted.getAsBoolean()) {
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
            drain(w); // what it finished while the dump was taken is not lost
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

  private void handle(RemoteWorker w, Message m) {
    if (m instanceof Working working) {
      w.working = working.kind() == Working.Kind.OVER ? null : working;
    } else if (m instanceof TestStarted started) {
      w.working = null;
      w.inFlight = started;
      w.inFlightSinceNanos = timeouts.now();
      pool.testStarted();
      testOf(started.unitId()).testStarted(started, w.host());
    } else if (m instanceof TestOutcome outcome) {
      w.inFlight = null;
      testOf(outcome.unitId()).testOutcome(outcome, w.host());
    } else if (m instanceof StatusChanged changed) {
      testOf(changed.unitId()).statusChanged(changed);
    } else if (m instanceof ConfigOutcome config) {
      w.working = null;
      testsById.get(config.testId()).configOutcome(config, w.host());
    } else if (m instanceof UnitDone done) {
      w.working = null;
      testOf(done.unitId()).unitDone(done.unitId(), done.rows(), w.host());
    } else if (m instanceof FixtureRequest request) {
      publishFixture(request.name());
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

  /** Published once for every worker (by {@link FixtureValues#whenShared}); a second request is answered already. */
  private void publishFixture(String name) {
    long computing = timeouts.now();
    fixtures.publish(name);
    // The asking worker's test waited for this (others may have asked too): not its time.
    long spent = timeouts.now() - computing;
    pool.all().forEach(other -> {
      other.inFlightSinceNanos += spent;
      other.heardNanos += spent;
    });
  }

  private TestDispatch testOf(int unitId) {
    for (TestDispatch t : testsById.values()) {
      if (t.owns(unitId)) {
        return t;
      }
    }
    throw new IllegalStateException("no test holds unit " + unitId);
  }
}
