package mproc.parent;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import mproc.planning.Durations;
import mproc.planning.PlannedUnit;
import mproc.planning.Planner;
import mproc.planning.WorkerNeeds;
import mproc.transport.ClaimTable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.ITestNGMethod;

/**
 * Whether worker JVMs may claim yet, when the parent runs tests itself: a cell of the
 * {@link ClaimTable}, decided once per run, open or shut. A measured suite decides at the plan (open
 * if the plan wants workers besides the parent). A first run decides from the parent's own first
 * tests ({@link #judge}), or opens {@value #TIMEOUT_MILLIS} ms after the first started if they have
 * not decided by then. Shut, the workers are stopped: they have taken nothing.
 */
final class WorkerGate {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerGate.class);
  /** The parent's results that {@link #judge} skips (a session's TestNG set-up) and then times. */
  static final int JUDGE_AFTER = 20;
  static final int JUDGE_OVER = 80;
  /**
   * An empty test's pace in the parent's first {@value #JUDGE_AFTER} + {@value #JUDGE_OVER} tests,
   * where the JIT is cold and a worker JVM starts beside it: 2.0-2.6 ms on 2 processors, against
   * {@link WorkerNeeds#EMPTY_TEST_MILLIS} once warm. Tests slower than this are no tiny tests.
   */
  static final long COLD_TEST_MILLIS = 5;
  /**
   * How long after the parent's first test starts a first run's workers wait: if its first
   * {@value #JUDGE_AFTER} + {@value #JUDGE_OVER} tests take longer, they are no tiny tests. The first
   * worker JVM is not ready before then anyway (about 1 s).
   */
  static final long TIMEOUT_MILLIS = (JUDGE_AFTER + JUDGE_OVER) * COLD_TEST_MILLIS + 50;
  /** What is left of a first run's tiny tests, in the parent alone, below which no worker is kept. */
  static final long TINY_LEFT_MILLIS = 2 * WorkerNeeds.WORKER_START_MILLIS;

  private final ClaimTable claims;
  private final WorkerPool pool;
  private final PrintStream out;
  private final java.util.concurrent.atomic.AtomicInteger parentResults = new java.util.concurrent.atomic.AtomicInteger();
  /** When the parent's {@value #JUDGE_AFTER}th test had ended (0 before), and how many had then. */
  private long judgeStartNanos;
  private int judgeStartResults;
  /** Opens the gate if nothing decided it first; armed by a dispatch's first test in the parent, gone when the dispatch ends. */
  private volatile Thread timer;

  WorkerGate(ClaimTable claims, WorkerPool pool, PrintStream out) {
    this.claims = claims;
    this.pool = pool;
    this.out = out;
  }

  void open() {
    claims.decideGate(ClaimTable.GATE_OPEN);
    Thread t = timer;
    if (t != null && t != Thread.currentThread()) {
      t.interrupt(); // decided: its work is done
    }
  }

  /**
   * A {@code <test>}'s dispatch has ended: the timer goes with it (a user's thread-leak detector
   * checks at each {@code <test>}'s end); the next dispatch's first test in the parent arms another
   * if the gate is still undecided.
   */
  void dispatchEnded() {
    Thread t = timer;
    timer = null;
    if (t != null) {
      t.interrupt();
      try {
        t.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A {@code <test>} is planned: a measured one decides the gate now. */
  void atPlan(TestDispatch test, Durations durations, int worthIt) {
    if (claims.gate() != 0) {
      return;
    }
    List<ITestNGMethod> methods = test.units().values().stream().flatMap(u -> u.methods().stream()).toList();
    if (durations.coverage(Planner.keysOf(methods)) >= 0.9) {
      shutOrOpen(worthIt <= 1, "the measured work does not repay a worker JVM");
    }
  }

  /** Counts the parent's own tests as each ends (on its test's thread). */
  void parentTestEnded() {
    parentResults.incrementAndGet();
  }

  /**
   * A first run: once the parent has run {@value #JUDGE_AFTER} tests (its TestNG set-up behind it)
   * and {@value #JUDGE_OVER} more, their pace says whether workers are worth it. Tests of under
   * {@value #COLD_TEST_MILLIS} ms each whose rest the parent would run in under {@value #TINY_LEFT_MILLIS} ms are not: a
   * worker JVM's start-up and TestNG's set-up in it would only take processors from the parent
   * (2,000 empty tests, -cores 2: 3.2 s with a worker, 2.4 s in the parent alone, plain TestNG 2.5 s).
   */
  void judge(TestDispatch test) {
    if (claims.gate() != 0) {
      return;
    }
    if (timer == null) {
      openLater();
    }
    int results = parentResults.get(); // a call may be skipped (another thread reading): counts, not each call
    if (judgeStartNanos == 0) {
      if (results >= JUDGE_AFTER) {
        judgeStartNanos = System.nanoTime();
        judgeStartResults = results;
      }
    } else if (results >= judgeStartResults + JUDGE_OVER) {
      double millisEach = (System.nanoTime() - judgeStartNanos) / 1e6 / (results - judgeStartResults);
      int left = 0;
      for (Map.Entry<Integer, PlannedUnit> e : test.units().entrySet()) {
        if (!test.isDone(e.getKey()) && claims.owner(e.getKey()) == 0) {
          left += e.getValue().methods().size();
        }
      }
      boolean tiny = millisEach < COLD_TEST_MILLIS && millisEach * left < TINY_LEFT_MILLIS;
      LOG.debug("the parent's tests take {} ms each, {} left", millisEach, left);
      shutOrOpen(tiny, "its tests are too small for a worker JVM to repay its start-up");
    }
  }

  /** Opens the gate {@value #TIMEOUT_MILLIS} ms from now unless it is decided by then (a long first test in the parent). */
  private void openLater() {
    Thread t = new Thread(() -> {
      try {
        Thread.sleep(TIMEOUT_MILLIS);
        open(); // a CAS on the mapped cell: safe from this thread; the mapping outlives the closed table
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "mproc-gate");
    t.setDaemon(true);
    timer = t;
    t.start();
  }

  private void shutOrOpen(boolean shut, String why) {
    if (shut && claims.decideGate(ClaimTable.GATE_SHUT)) {
      int stopped = pool.standDown();
      if (stopped > 0) {
        out.println("mproc: this JVM runs the tests alone: " + why);
      }
    } else {
      open();
    }
  }
}
