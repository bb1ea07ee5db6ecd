package mproc.parent;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM during a run, through a shutdown hook. While TestNG's thread is in a loop that
 * watches {@link #interrupted} (dispatching a {@code <test>}, or waiting for the workers to close
 * tests), it stops the workers, reports every unfinished test skipped, lets TestNG write its reports
 * and ends the run; the hook waits for that up to 15 s, then stops everything itself. Outside such
 * a loop nobody would hear it (an error, {@code System.exit}): the hook stops everything at once.
 */
final class Interruption {
  private static final long REPORT_WAIT_MS = 15_000;

  private final Runnable abort;
  private final Runnable stopOwnSessions;
  private final Thread hook;
  private final CountDownLatch ended = new CountDownLatch(1);
  private volatile boolean watched;
  private volatile boolean closing;
  private volatile boolean interrupted;

  /**
   * @param abort stops everything at once: the workers, the fixtures, the run directory
   * @param stopOwnSessions the parent's own sessions claim nothing more (TestNG's thread may be in one)
   */
  Interruption(Runnable abort, Runnable stopOwnSessions) {
    this.abort = abort;
    this.stopOwnSessions = stopOwnSessions;
    this.hook = new Thread(this::onExit, "mproc-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Ctrl-C or SIGTERM came: TestNG's thread stops dispatching, reports what it has, and ends the run. */
  boolean interrupted() {
    return interrupted;
  }

  /** TestNG's thread enters ({@code true}) or leaves a loop that watches {@link #interrupted}. */
  void watched(boolean now) {
    watched = now;
  }

  /** The run starts to end; false if it already had. */
  boolean startClosing() {
    if (closing) {
      return false;
    }
    closing = true;
    return true;
  }

  boolean closing() {
    return closing;
  }

  /** The run has ended: the hook has nothing more to wait for, or to do. */
  void ended() {
    ended.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // Already shutting down: the hook is running or has run.
    }
  }

  private void onExit() {
    if (closing) { // TestNG's thread is ending the run: let it stop the workers and close the fixtures
      interrupted = true; // no grace for the workers from here
      awaitEnd();
      return;
    }
    if (!watched) {
      abort.run();
      return;
    }
    interrupted = true;
    stopOwnSessions.run();
    if (!awaitEnd()) {
      abort.run();
    }
  }

  /** Interrupted: workers stop now; what has no result is skipped with the reason. */
  static void stopWorkers(TestDispatch test, mproc.transport.ClaimTable claims, ResultReader reader, WorkerPool pool,
      java.io.PrintStream err) {
    for (int unitId : test.units().keySet()) {
      if (!test.isDone(unitId)) {
        claims.claim(unitId, Long.MAX_VALUE); // no worker takes more, a joined host's neither
      }
    }
    reader.pumpParent();
    for (RemoteWorker w : pool.shutDown()) {
      if (w.local()) {
        w.process.stop(0); // a joined host's ends its test and exits at the end of the work
      }
      reader.drain(w);
      w.gone = true;
    }
    skipUnfinished(test);
    err.println("mproc: interrupted: workers stopped; unfinished tests are reported skipped");
  }

  /** What has no result in {@code test} is reported skipped, with the interruption as the reason. */
  static void skipUnfinished(TestDispatch test) {
    for (int unitId : new java.util.ArrayList<>(test.units().keySet())) {
      if (!test.isDone(unitId)) {
        test.abandon(unitId, null, "the run was interrupted (Ctrl-C or SIGTERM)", "mproc", false);
      }
    }
  }

  private boolean awaitEnd() {
    try {
      return ended.await(REPORT_WAIT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
