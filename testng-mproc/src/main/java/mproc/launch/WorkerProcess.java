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
  private static final int BATCH_CHARS = 1 << 16;
  private static final long NAP_MILLIS = 2;

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

  /**
   * Copies the worker's lines to {@code target}, each marked. Lines that have already arrived together
   * go out in one write (up to {@link #BATCH_CHARS}), and after a write of a few lines this reader
   * naps {@link #NAP_MILLIS} before it reads again, so that the lines of a chatty test gather in
   * the pipe meanwhile. A worker that logs a line at a time (atlas-intg: 235,000 lines, 128 MB)
   * otherwise woke this thread for every line, a switch between processes each time: with the
   * suite in two workers, 5.4-6.2 s of system CPU and 14.5-15.9 s of wall time, against 1.7-1.9 s
   * and 12.0-12.8 s with the nap (4 alternating rounds). A line waits at most the nap; a burst
   * that fills the batch goes on without one.
   */
  private void pump(InputStream stream, PrintStream target, String name) {
    String prefix = "[worker-" + id + "] ";
    Thread t =
        new Thread(
            () -> {
              StringBuilder batch = new StringBuilder();
              try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8), 1 << 16)) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  keep(line);
                  if (batch.length() > 0) {
                    batch.append(System.lineSeparator());
                  }
                  batch.append(prefix).append(line);
                  if (batch.length() >= BATCH_CHARS || !in.ready()) {
                    boolean trickle = batch.length() < BATCH_CHARS / 16;
                    mproc.reporting.live.LiveConsole.println(target, batch.toString()); // never into the progress line
                    batch.setLength(0);
                    if (trickle) {
                      Thread.sleep(NAP_MILLIS);
                    }
                  }
                }
              } catch (IOException e) {
                // The stream closes when the worker ends; nothing more to read.
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // not interrupted by us; what is left in the pipe is lost with the JVM
              } finally {
                if (batch.length() > 0) {
                  mproc.reporting.live.LiveConsole.println(target, batch.toString());
                }
              }
            },
            "mproc-worker-" + id + "-" + name);
    t.setDaemon(true);
    t.start();
    pumps.add(t);
  }

  private void keep(String line) {
    synchronized (tail) {
      if (tail.size() == TAIL_LINES) {
        tail.removeFirst();
      }
      tail.addLast(line);
    }
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
      for (Thread t : pumps) {
        t.join(1_000); // its last lines, still in the pipe, before the parent's summary
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
