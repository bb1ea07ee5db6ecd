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
  private final ResultReader reader;
  private final BooleanSupplier interrupted;
  private final BooleanSupplier closing;
  /** The {@code <test>} being dispatched; volatile: a test's thread of TestNG's reads it after the test. */
  private volatile TestDispatch dispatched;

  ParentTurns(WorkerGate gate, ResultReader reader, BooleanSupplier interrupted, BooleanSupplier closing) {
    this.gate = gate;
    this.reader = reader;
    this.interrupted = interrupted;
    this.closing = closing;
  }

  /** The {@code <test>} the read loop now dispatches; null when it has left the loop. */
  void dispatching(TestDispatch test) {
    dispatched = test;
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
