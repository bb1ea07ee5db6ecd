package mproc.parent;

import java.util.List;
import mproc.launch.WorkerHandle;

/**
 * A worker JVM on a joined host, as the leader sees it: alive until its host says it exited
 * ({@link mproc.transport.Message.WorkerExited}) or the host's heartbeat stops. Stopping it is asking
 * its host to.
 */
final class HostedWorker implements WorkerHandle {
  private final int id;
  private final long pid;
  private final String hostLabel;
  private final JoinedHosts hosts;
  private boolean alive = true;
  private int exitCode = -1;
  private List<String> lastLines = List.of();
  /** Set when its host was lost: how its end is reported. */
  private String hostLost;
  /** Until when (System.nanoTime) its lost host may still have claimed units. */
  private long mayClaimUntilNanos;

  HostedWorker(int id, long pid, String hostLabel, JoinedHosts hosts) {
    this.id = id;
    this.pid = pid;
    this.hostLabel = hostLabel;
    this.hosts = hosts;
  }

  @Override
  public int id() {
    return id;
  }

  /** Reads what the hosts said first (at most every few milliseconds), as a local process is asked. */
  @Override
  public boolean isAlive() {
    hosts.refresh();
    return alive;
  }

  @Override
  public int exitCode() {
    return exitCode;
  }

  @Override
  public String describe() {
    return "worker " + mproc.reporting.WorkerLife.name(id) + " (pid " + pid + " on " + hostLabel + ")";
  }

  @Override
  public String ending() {
    return hostLost != null ? hostLost : WorkerHandle.super.ending();
  }

  @Override
  public List<String> lastLines() {
    return lastLines;
  }

  /** Waits up to {@code millis} for its host to say it exited, then asks the host to stop it. */
  @Override
  public void stop(long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000;
    while (isAlive() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (alive) {
      hosts.stop(id);
    }
  }

  void exited(int code, List<String> lines) {
    alive = false;
    exitCode = code;
    lastLines = lines;
  }

  /**
   * Its host was lost: it is gone, though it may have claimed units until {@code mayClaimUntilNanos}
   * (by then its host has read that it was lost, or, cut off from Redis, stopped itself when its own
   * heartbeat failed).
   */
  void hostLost(String why, long mayClaimUntilNanos) {
    if (alive) {
      alive = false;
      hostLost = why;
      this.mayClaimUntilNanos = mayClaimUntilNanos;
    }
  }

  /** Whether it may still claim units though counted gone: only while its lost host may not have stopped yet. */
  boolean mayStillClaim() {
    return hostLost != null && System.nanoTime() - mayClaimUntilNanos < 0;
  }

  /** Without asking the hosts again: whether it is known to have ended. */
  boolean hostLostOrExited() {
    return !alive;
  }
}
