package mproc;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A run started on a thread of its own ({@code mproc-start}) as TestNG's execution starts, so that
 * its first worker's start and the transport's set-up overlap TestNG's set-up of the suites; the
 * first suite waits for it, and what stopped it is thrown there, on TestNG's thread.
 */
final class EarlyStart {
  private final FutureTask<Void> task;

  private EarlyStart(Runnable start) {
    this.task = new FutureTask<>(start, null);
  }

  static EarlyStart begin(Runnable start) {
    EarlyStart early = new EarlyStart(start);
    Thread starter = new Thread(early.task, "mproc-start");
    starter.setDaemon(true);
    starter.start();
    return early;
  }

  /** Waits for the start to end; rethrows what stopped it. */
  void await() {
    try {
      task.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error r) {
        throw r;
      }
      throw new IllegalStateException("mproc: the run did not start", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("mproc: interrupted while the run started", e);
    }
  }
}
