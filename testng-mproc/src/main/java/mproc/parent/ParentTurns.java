package mproc.parent;

import java.util.function.BooleanSupplier;

/**
 * What the parent's own sessions do for the read loop while TestNG's thread is in them: after each
 * of their tests, a first run's {@link WorkerGate} counts it and may let the workers claim; as they
 * reach a class, the workers' results are read and replayed, so that they do not wait for the
 * session's end. Never between two tests of a class: the listeners that hear the replays may act on
 * the JVM (see {@link mproc.worker.InProcessWorker}).
 */
final class ParentTurns {
  private final WorkerGate gate;
  private final WorkerPool pool;
  private final ResultReader reader;
  private final BooleanSupplier interrupted;
  private final BooleanSupplier closing;
  /** The {@code <test>} being dispatched; volatile: a test's thread of TestNG's reads it after the test. */
  private volatile TestDispatch dispatched;
  /**
   * Starts the workers still wanted while TestNG's thread is in the parent's own tests: the read
   * loop, which starts them too, waits for the parent's class to end. With {@code -cores 4} through
   * Maven, a 9 s class in the parent kept the third and fourth JVMs from starting until it ended
   * (8.58 s against 6.41-6.76 s for the run). Lives while a {@code <test>} is dispatched and workers
   * are still to start; only TestNG's thread sets it.
   */
  private Thread starter;
  private static final long STARTER_PERIOD_MILLIS = 100;

  ParentTurns(WorkerGate gate, WorkerPool pool, ResultReader reader, BooleanSupplier interrupted, BooleanSupplier closing) {
    this.gate = gate;
    this.pool = pool;
    this.reader = reader;
    this.interrupted = interrupted;
    this.closing = closing;
  }

  /** The {@code <test>} the read loop now dispatches; null when it has left the loop. */
  void dispatching(TestDispatch test) {
    dispatched = test;
    if (test != null && starter == null && pool.anyPending()) {
      starter = new Thread(this::startPendingWorkers, "mproc-worker-starts");
      starter.setDaemon(true);
      starter.start();
    } else if (test == null && starter != null) {
      // Gone with the dispatch: a user's thread-leak detector checks at each <test>'s end.
      starter.interrupt();
      try {
        starter.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      starter = null;
    }
  }

  private void startPendingWorkers() {
    boolean[] pending = {true};
    while (pending[0]) {
      try {
        Thread.sleep(STARTER_PERIOD_MILLIS);
      } catch (InterruptedException e) {
        return; // the dispatch has ended
      }
      reader.unlessReading(() -> {
        pool.startPendingAside();
        pending[0] = pool.anyPending();
      });
    }
  }

  /** After each of the parent's own tests, on the test's thread (a pool thread of TestNG's, maybe). */
  void afterTest() {
    gate.parentTestEnded();
    TestDispatch test = dispatched;
    if (test != null && !interrupted.getAsBoolean()) {
      reader.unlessReading(() -> gate.judge(test));
    }
  }

  /** As a session reaches a class, before its {@code @BeforeClass}, on TestNG's thread (the read loop's). */
  void betweenClasses() {
    TestDispatch test = dispatched;
    if (test != null && !interrupted.getAsBoolean()) {
      reader.unlessReading(() -> {
        reader.pump(test, true, closing.getAsBoolean());
        gate.judge(test);
      });
    }
  }
}
