package mproc.parent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mproc.transport.Channel;
import mproc.transport.Cluster;
import mproc.transport.Message;
import mproc.transport.Message.HostJoined;
import mproc.transport.Message.RunEnded;
import mproc.transport.Message.StopWorker;
import mproc.transport.Message.WorkerExited;
import mproc.transport.Message.WorkerStarted;
import mproc.transport.Transport;

/**
 * The leader's view of the hosts that joined its run: each worker a joined host starts becomes one
 * of the pool's ({@link HostedWorker}), whose results the leader reads and replays as a local
 * worker's; a host whose heartbeat stops is lost, and with it every worker it had.
 */
final class JoinedHosts implements AutoCloseable {
  private static final long READ_EVERY_NANOS = 5_000_000;
  private static final long BEATS_EVERY_NANOS = 250_000_000;

  private final mproc.cluster.ClusterSeat seat;
  private final Cluster cluster;
  private final Transport transport;
  private final WorkerPool pool;
  private final double timeoutSeconds;
  private final Channel hosts;
  private final Channel control;
  private final Map<Integer, String> labels = new HashMap<>();
  private final Map<Integer, List<HostedWorker>> workersByHost = new HashMap<>();
  private final java.io.PrintStream err;
  /** What the joined hosts are told when the run ends (set by the listener, which has TestNG's results). */
  private java.util.function.Supplier<RunEnded> outcome;
  private boolean told;
  private long nextRead;
  private long nextBeats;

  JoinedHosts(mproc.cluster.ClusterSeat seat, WorkerPool pool, double timeoutSeconds, java.io.PrintStream err) {
    this.seat = seat;
    this.cluster = seat.cluster();
    this.transport = seat.transport();
    this.err = err;
    this.pool = pool;
    this.timeoutSeconds = timeoutSeconds;
    this.hosts = cluster.openHosts();
    this.control = cluster.openControl();
  }

  /**
   * Reads what the hosts said and checks their heartbeats; at most every few milliseconds (each is a
   * Redis round trip). Returns true when it checked the heartbeats (every quarter second), and a
   * lost host's late claims may be released.
   */
  boolean refresh() {
    long now = System.nanoTime();
    if (now - nextRead < 0) {
      return false;
    }
    nextRead = now + READ_EVERY_NANOS;
    for (Message m = hosts.poll(); m != null; m = hosts.poll()) {
      if (m instanceof HostJoined joined) {
        labels.put(joined.host(), joined.label());
      } else if (m instanceof WorkerStarted started) {
        adopt(started);
      } else if (m instanceof WorkerExited exited) {
        workersByHost.getOrDefault(exited.workerId() / mproc.reporting.WorkerLife.HOST_IDS, List.of()).stream()
            .filter(w -> w.id() == exited.workerId())
            .forEach(w -> w.exited(exited.exitCode(), exited.lastLines()));
      } else {
        throw new IllegalStateException("unexpected message from a joined host: " + m);
      }
    }
    if (now - nextBeats < 0) {
      return false;
    }
    nextBeats = now + BEATS_EVERY_NANOS;
    workersByHost.forEach((host, workers) -> {
      if (workers.stream().anyMatch(w -> !w.hostLostOrExited()) && !cluster.alive(host)) {
        String why = label(host) + " lost (no heartbeat for " + (long) timeoutSeconds + " s)";
        long mayClaimUntil = now + 2 * (long) (timeoutSeconds * 1e9);
        workers.forEach(w -> w.hostLost(why, mayClaimUntil));
        cluster.publish(lost(host), why); // should it still run, it stops: its work is another host's now
      }
    });
    return true;
  }

  /** The value the leader publishes when it counts a host lost. */
  static String lost(int host) {
    return "lost:" + host;
  }

  private void adopt(WorkerStarted started) {
    HostedWorker worker = new HostedWorker(started.workerId(), started.pid(), label(started.host()), this);
    workersByHost.computeIfAbsent(started.host(), h -> new ArrayList<>()).add(worker);
    pool.adopt(new RemoteWorker(worker, transport.openResults(started.workerId()), List.of(), started.startedMillis())); // its host's clock, as its ready time
  }

  private String label(int host) {
    return labels.getOrDefault(host, "host " + host);
  }

  /** Asks the worker's host to stop it (with its thread dump, which that host prints). */
  void stop(int workerId) {
    control.send(new StopWorker(workerId));
  }

  /** Made once, when the hosts are told: the listener offers it as the last suite ends and again at the end. */
  void outcome(java.util.function.Supplier<RunEnded> outcome) {
    this.outcome = outcome;
  }

  /** Tells every joined host that the run is over and how it went; a host that comes later is told it ended. */
  void end() {
    if (told) {
      return; // told when the last suite ended
    }
    told = true;
    RunEnded ended = outcome != null ? outcome.get() : new RunEnded(true, List.of("mproc: the leader reported no outcome"));
    control.send(ended);
    cluster.publish(mproc.cluster.ClusterSeat.ENDED, ended.failed() ? "failed" : "passed");
  }

  /** The leader stops before the run ended (an error, {@code System.exit}): the joined hosts are told it failed, if Redis still answers. */
  void abandon() {
    outcome = () -> new RunEnded(true, List.of("mproc: the leader stopped before the run ended"));
    try {
      end();
    } catch (RuntimeException e) {
      err.println("mproc: could not tell the other hosts that the run stopped: " + e.getMessage());
    }
  }

  /** Closes its channels and the leader's seat (its heartbeat stops). */
  @Override
  public void close() {
    hosts.close();
    control.close();
    seat.close();
  }
}
