package mproc.worker;

import java.util.Optional;

/**
 * Ends the worker when the parent JVM is gone (killed with -9, say), so that no orphan worker
 * outlives its run. Checks every half second on a daemon thread.
 */
final class ParentWatch {
  private static final long PERIOD_MS = 500;

  private ParentWatch() {}

  static void start() {
    Optional<ProcessHandle> parent = ProcessHandle.current().parent();
    if (parent.isEmpty()) {
      return;
    }
    ProcessHandle p = parent.get();
    Thread watch =
        new Thread(
            () -> {
              while (p.isAlive()) {
                try {
                  Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                  return;
                }
              }
              System.err.println("mproc: the parent process " + p.pid() + " is gone; worker exits");
              Runtime.getRuntime().halt(3);
            },
            "mproc-parent-watch");
    watch.setDaemon(true);
    watch.start();
  }
}
