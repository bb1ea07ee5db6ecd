package mproc.parent;

import java.util.List;
import mproc.launch.WorkerHandle;
import mproc.transport.Channel;
import mproc.transport.Message.TestStarted;
import mproc.transport.Message.Working;

/**
 * The parent's handle on one worker: its process, its result channel, and the test in flight. The
 * parent's own sessions ({@code mproc.parentRuns}) have one too, with no process.
 */
final class RemoteWorker {
  private static final long EXIT_GRACE_MS = 30_000;
  /** Null for the parent's own sessions; a {@link HostedWorker} for a joined host's. */
  final WorkerHandle process;
  private final int id;
  private final String host;
  final Channel results;
  final List<String> command;
  /** The test the worker said it started and has not yet reported, or null. */
  TestStarted inFlight;
  /** When the parent heard of {@link #inFlight}, for {@code mproc.timeout}. */
  long inFlightSinceNanos;
  /** When the parent last read a message of this worker, for {@code mproc.timeout} outside tests. */
  long heardNanos = System.nanoTime();
  /** What it said it started outside a test (set-up, configuration, a data provider) since its last test, or null. */
  Working working;
  /** Why the parent stopped this worker (a test ran past {@code mproc.timeout}), or null. */
  String stoppedBecause;
  /**
   * Stopped in configuration or a data provider: what it had not started is skipped, not re-queued
   * (a replacement would hang in the same place).
   */
  boolean stoppedOutsideTests;
  /** Stopped by the parent because the work left does not repay it (see {@code WorkerGate}). */
  boolean stoodDown;
  /** It has said it is ready (its queues are open). */
  boolean ready;
  boolean gone;
  final long startedMillis;
  long readyMillis;
  long endedMillis;
  /** Why it was lost (it died or was stopped), for the summary and timeline; null if it ended normally. */
  String lostBecause;

  RemoteWorker(WorkerHandle process, Channel results, List<String> command, long startedMillis) {
    this.process = process;
    this.startedMillis = startedMillis;
    this.results = results;
    this.command = command;
    this.id = process.id();
    this.host = mproc.reporting.WorkerLife.name(id);
  }

  /** The parent's own sessions, whose claims carry {@code ownerId}. */
  RemoteWorker(int ownerId, Channel results) {
    this.process = null;
    this.startedMillis = System.currentTimeMillis();
    this.results = results;
    this.command = List.of();
    this.id = ownerId;
    this.host = mproc.reporting.WorkerLife.name(mproc.reporting.WorkerLife.PARENT);
    this.ready = true;
    this.readyMillis = startedMillis;
  }

  /** A JVM of this machine, which the parent started (not a joined host's). */
  boolean local() {
    return process != null && !(process instanceof HostedWorker);
  }

  /**
   * The run ends, and the parent has read what it sent: it has {@link #EXIT_GRACE_MS} to exit (none
   * if {@code interrupted}, or if it is still starting and has run nothing), then it is stopped.
   * Interrupted, a joined host's worker is left to end its test and exit at the end of the work.
   */
  void end(boolean interrupted) {
    if (local() || !interrupted) {
      process.stop(ready && !interrupted ? EXIT_GRACE_MS : 0);
    }
    if (endedMillis == 0) {
      endedMillis = System.currentTimeMillis();
    }
  }

  /** Its claims' owner id in the claim table. */
  int id() {
    return id;
  }

  String host() {
    return host;
  }

  mproc.reporting.WorkerLife life() {
    return new mproc.reporting.WorkerLife(process == null ? mproc.reporting.WorkerLife.PARENT : id, startedMillis, readyMillis,
        endedMillis, lostBecause);
  }
}
