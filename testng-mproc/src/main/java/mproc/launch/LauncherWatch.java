package mproc.launch;

import java.io.PrintStream;
import java.util.Optional;

/**
 * Ends the parent that {@code mproc.TestNG} restarted with Chronicle's flags when the JVM the user
 * started is gone ({@code kill -9}, a CI job's timeout): otherwise the run went on to its end,
 * printing after the shell's prompt had come back. It stops printing at once and exits through the
 * shutdown hooks (which stop the workers and remove the run directory), halting after a second if
 * they take longer.
 */
public final class LauncherWatch {
  private static final long PERIOD_MS = 100;
  private static final long GRACE_MS = 1_000;

  private LauncherWatch() {}

  public static void start(long launcherPid) {
    Optional<ProcessHandle> launcher = ProcessHandle.of(launcherPid);
    Thread watch = new Thread(() -> {
      while (launcher.map(ProcessHandle::isAlive).orElse(false)) {
        try {
          Thread.sleep(PERIOD_MS);
        } catch (InterruptedException e) {
          return;
        }
      }
      stop();
    }, "mproc-launcher-watch");
    watch.setDaemon(true);
    watch.start();
  }

  private static void stop() {
    silence(System.out);
    silence(System.err);
    Thread halt = new Thread(() -> {
      try {
        Thread.sleep(GRACE_MS);
      } catch (InterruptedException e) {
        return;
      }
      Runtime.getRuntime().halt(137);
    }, "mproc-launcher-gone");
    halt.setDaemon(true);
    halt.start();
    System.exit(137); // as the launcher's kill -9 exit code: the run did not end
  }

  /** Closes the terminal's stream: everything that holds it, the workers' output copiers too, then writes nothing. */
  private static void silence(PrintStream stream) {
    stream.close();
  }
}
