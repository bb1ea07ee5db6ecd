package mproc.launch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running worker JVM. Its stdout and stderr reach the user line by line, each line marked with
 * the worker it came from; the last lines are kept for the report if the worker dies.
 */
public final class WorkerProcess implements WorkerHandle {
  private static final int TAIL_LINES = 20;

  private final int id;
  private final Process process;
  private final Deque<String> tail = new ArrayDeque<>();
  private final List<Thread> pumps = new ArrayList<>();

  private WorkerProcess(int id, Process process) {
    this.id = id;
    this.process = process;
  }

  public static WorkerProcess start(int id, List<String> command, PrintStream out, PrintStream err) {
    try {
      Process process = new ProcessBuilder(command).start();
      WorkerProcess worker = new WorkerProcess(id, process);
      process.getOutputStream().close();
      worker.pump(process.getInputStream(), out, "out");
      worker.pump(process.getErrorStream(), err, "err");
      return worker;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start worker " + id + ": " + String.join(" ", command), e);
    }
  }

  private void pump(InputStream stream, PrintStream target, String name) {
    String prefix = "[worker-" + id + "] ";
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  mproc.reporting.live.LiveConsole.println(target, prefix + line); // never into the progress line
                  synchronized (tail) {
                    if (tail.size() == TAIL_LINES) {
                      tail.removeFirst();
                    }
                    tail.addLast(line);
                  }
                }
              } catch (IOException e) {
                // The stream closes when the worker ends; nothing more to read.
              }
            },
            "mproc-worker-" + id + "-" + name);
    t.setDaemon(true);
    t.start();
    pumps.add(t);
  }

  @Override
  public int id() {
    return id;
  }

  public long pid() {
    return process.pid();
  }

  @Override
  public boolean isAlive() {
    return process.isAlive();
  }

  @Override
  public int exitCode() {
    return process.exitValue();
  }

  @Override
  public String describe() {
    return "worker " + id + " (pid " + process.pid() + ")";
  }

  /** Waits briefly for its output to be read to the end. */
  @Override
  public List<String> lastLines() {
    for (Thread t : pumps) {
      try {
        t.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    synchronized (tail) {
      return new ArrayList<>(tail);
    }
  }

  @Override
  public void stop(long millis) {
    try {
      if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
