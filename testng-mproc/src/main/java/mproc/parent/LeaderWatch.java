package mproc.parent;

import java.io.PrintStream;
import mproc.cluster.ClusterSeat;
import mproc.settings.Settings;
import mproc.transport.Cluster;

/**
 * A joined host's watch on the leader, on a daemon thread of its own ({@code mproc-leader-watch}),
 * twice a second: whether the leader is alive, and whether it counted this host lost (its heartbeat
 * came late). Either ends this host's part: its own sessions claim nothing more, and TestNG's thread
 * stops the workers and ends with one line. If that thread does not within a few seconds (a test of
 * this JVM's own sessions hangs, or waits for a fixture the dead leader will never send), the watch
 * says the line itself, stops the workers and halts the JVM: no host outlives its run.
 */
final class LeaderWatch {
  private static final long CHECK_EVERY_MS = 500;
  private static final long HALT_AFTER_MS = 3_000;

  private final Thread thread;
  private volatile String stopReason;
  private volatile boolean acknowledged;

  /**
   * @param stopClaiming the host's own sessions claim nothing more
   * @param halt stops the workers and the JVM, when TestNG's thread cannot
   */
  LeaderWatch(ClusterSeat seat, Settings settings, PrintStream err, Runnable stopClaiming, Runnable halt) {
    this.thread = new Thread(() -> watch(seat, settings, err, stopClaiming, halt), "mproc-leader-watch");
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** Why this host must stop (the leader is gone, or counted it lost), once known; else null. */
  String stopReason() {
    return stopReason;
  }

  /** TestNG's thread has seen {@link #stopReason} and ends this host's part itself. */
  void acknowledge() {
    acknowledged = true;
  }

  void stop() {
    thread.interrupt();
  }

  private void watch(ClusterSeat seat, Settings settings, PrintStream err, Runnable stopClaiming, Runnable halt) {
    try {
      while (stopReason == null) {
        Thread.sleep(CHECK_EVERY_MS);
        String lost = seat.cluster().read(JoinedHosts.lost(seat.host()));
        if (!seat.cluster().alive(Cluster.LEADER)) {
          stopReason = ClusterSeat.leaderGone(seat.cluster(), settings);
        } else if (lost != null) { // its heartbeat came late: the leader gave its work to other hosts
          stopReason = "mproc: the leader counted this host lost (" + lost + "), and gave its work to the other hosts; this host"
              + " stops. A busy host may need a longer " + Settings.HOST_TIMEOUT;
        }
      }
      stopClaiming.run();
      Thread.sleep(HALT_AFTER_MS);
      if (!acknowledged) {
        err.println(stopReason);
        err.flush();
        halt.run();
      }
    } catch (InterruptedException e) {
      // stopped: the host's part is over
    } catch (mproc.transport.TransportLostException e) {
      // Redis is lost: the heartbeat says so, once, and stops this host
    }
  }
}
