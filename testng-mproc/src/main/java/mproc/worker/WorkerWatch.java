package mproc.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A worker's watch thread (a daemon, every 100 ms): ends the worker when the parent JVM is gone
 * ({@code kill -9}), so that no orphan worker outlives its run; and writes the stacks of all threads
 * when the parent asks (a test ran longer than {@code mproc.timeout}), even while the test thread
 * is stuck.
 */
final class WorkerWatch {
  private static final long PERIOD_MS = 100;

  private WorkerWatch() {}

  /**
   * @param parentPid the parent's pid, given on the command line: a worker whose parent died while it
   *     was starting has been adopted by another process, so its own parent() cannot tell
   */
  static void start(long parentPid, Path dumpRequest, Path dump) {
    Optional<ProcessHandle> parent = ProcessHandle.of(parentPid);
    if (parent.isEmpty()) {
      System.err.println("mproc: the parent process " + parentPid + " is gone; worker exits");
      Runtime.getRuntime().halt(3);
    }
    Thread watch =
        new Thread(
            () -> {
              while (parent.get().isAlive()) {
                if (Files.exists(dumpRequest)) {
                  writeThreadDump(dump, dumpRequest);
                }
                try {
                  Thread.sleep(PERIOD_MS);
                } catch (InterruptedException e) {
                  return;
                }
              }
              System.err.println("mproc: the parent process " + parent.get().pid() + " is gone; worker exits");
              Runtime.getRuntime().halt(3);
            },
            "mproc-worker-watch");
    watch.setDaemon(true);
    watch.start();
  }

  private static void writeThreadDump(Path dump, Path request) {
    StringBuilder text = new StringBuilder();
    // The thread that runs the tests first: that is where a hang is.
    List<Map.Entry<Thread, StackTraceElement[]>> threads = new ArrayList<>(Thread.getAllStackTraces().entrySet());
    threads.sort(Comparator.comparing((Map.Entry<Thread, StackTraceElement[]> e) -> !e.getKey().getName().equals("main")));
    for (Map.Entry<Thread, StackTraceElement[]> e : threads) {
      Thread t = e.getKey();
      text.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
      for (StackTraceElement frame : e.getValue()) {
        text.append("    at ").append(frame).append('\n');
      }
    }
    try {
      Path partial = dump.resolveSibling(dump.getFileName() + ".partial");
      Files.writeString(partial, text);
      Files.move(partial, dump, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      Files.deleteIfExists(request);
    } catch (IOException e) {
      System.err.println("mproc: cannot write the thread dump " + dump + ": " + e);
    }
  }
}
