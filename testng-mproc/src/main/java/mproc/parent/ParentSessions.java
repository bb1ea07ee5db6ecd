package mproc.parent;

import mproc.fixtures.FixtureSource;
import mproc.reporting.WorkerLife;
import mproc.transport.Channel;
import mproc.transport.ClaimTable;
import mproc.worker.InProcessWorker;

/**
 * The leading parent's own sessions ({@code mproc.parentRuns}): its handle among the workers (a
 * {@link RemoteWorker} with no process, whose results the {@link ResultReader} replays like any
 * worker's) and the {@link InProcessWorker} that runs them, made with the first {@code <test>}, so
 * that its lane in the timeline starts there. A joined host's are {@link OwnSessions}.
 */
final class ParentSessions {
  final RemoteWorker handle;
  /** Volatile: the shutdown hook reads it to stop its claims. */
  private volatile InProcessWorker worker;

  ParentSessions(Channel results) {
    this.handle = new RemoteWorker(InProcessWorker.OWNER_ID, results);
  }

  /** Whether it has started (the first {@code <test>} was published). */
  boolean started() {
    return worker != null;
  }

  /** Starts it, once: it reads the run's work, claims in the table, and computes fixtures here when a test needs one. */
  void startOnce(Channel work, ClaimTable claims, FixtureSource fixtures, Runnable afterEachTest, Runnable betweenClasses) {
    if (worker == null) {
      worker = new InProcessWorker(work, handle.results, claims, fixtures, afterEachTest, betweenClasses);
      handle.readyMillis = System.currentTimeMillis();
    }
  }

  /** Runs one session from the first free unit, if any; false if nothing was free or it has not started. */
  boolean runOneSession() {
    return worker != null && worker.runOneSession();
  }

  /** Runs what is published now: the closing configuration of the tests that are closed, if any. */
  void readPublished() {
    if (worker != null) {
      worker.readPublished();
    }
  }

  /** Its session in progress claims nothing more (Ctrl-C: TestNG's thread may be in it). */
  void stopClaiming() {
    InProcessWorker own = worker;
    if (own != null) {
      own.stopClaiming();
    }
  }

  /** Runs its tests' closing configuration, if not run yet (a run ended without closing its tests). */
  void finish() {
    if (worker != null) {
      worker.finish();
    }
  }

  /** Its lane in the timeline ends now: once what {@link #finish} sent has been replayed. */
  void ended() {
    if (worker != null) {
      handle.endedMillis = System.currentTimeMillis();
    }
  }

  /** Its lane in the timeline; null if it never started. */
  WorkerLife life() {
    return worker == null ? null : handle.life();
  }
}
