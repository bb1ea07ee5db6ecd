package mproc.launch;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running worker JVM. Its stdout and stderr reach the user line by line, each line marked with
 * the worker it came from ({@link WorkerOutput}); the last lines are kept for the report if the
 * worker dies.
 */
public final class WorkerProcess implements WorkerHandle {
  private final int id;
  private final Process process;
  private final WorkerOutput.Worker output;

  private WorkerProcess(int id, Process process, WorkerOutput.Worker output) {
    this.id = id;
    this.process = process;
    this.output = output;
  }

  public static WorkerProcess start(int id, List<String> command, WorkerOutput output, PrintStream out, PrintStream err) {
    try {
      Process process = new ProcessBuilder(command).start();
      process.getOutputStream().close();
      return new WorkerProcess(id, process, output.copy(id, process, out, err));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start worker " + id + ": " + String.join(" ", command), e);
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
    return output.lastLines();
  }

  @Override
  public void stop(long millis) {
    try {
      if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
      }
      output.awaitEnd(1_000); // its last lines, still in the pipe, before the parent's summary
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
