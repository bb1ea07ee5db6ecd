package mproc.cluster;

import java.util.function.Consumer;
import mproc.transport.Cluster;

/**
 * A host's heartbeat: a beat every quarter of {@code mproc.hostTimeout}, on a daemon thread. If no
 * beat gets through for the whole timeout, Redis is lost: {@code onLoss} gets the line to say so,
 * and stops this host, rather than let it hang in a read that will never answer.
 */
final class Heartbeat {
  private final Thread thread;
  private volatile boolean stopped;

  private Heartbeat(Cluster cluster, int host, long timeoutMillis, Consumer<String> onLoss) {
    this.thread = new Thread(() -> beat(cluster, host, timeoutMillis, onLoss), "mproc-heartbeat");
    thread.setDaemon(true);
  }

  static Heartbeat start(Cluster cluster, int host, long timeoutMillis, Consumer<String> onLoss) {
    Heartbeat heartbeat = new Heartbeat(cluster, host, timeoutMillis, onLoss);
    heartbeat.thread.start();
    return heartbeat;
  }

  private void beat(Cluster cluster, int host, long timeoutMillis, Consumer<String> onLoss) {
    long lastBeat = System.nanoTime();
    RuntimeException lastFailure = null;
    while (!stopped) {
      try {
        Thread.sleep(timeoutMillis / 4);
      } catch (InterruptedException e) {
        return; // stopped
      }
      if (stopped) {
        return;
      }
      try {
        cluster.beat(host, timeoutMillis);
        lastBeat = System.nanoTime();
      } catch (RuntimeException e) {
        lastFailure = e;
      }
      if (System.nanoTime() - lastBeat > timeoutMillis * 1_000_000) {
        onLoss.accept(lastFailure instanceof mproc.transport.TransportLostException ? lastFailure.getMessage()
            : "mproc: lost Redis at " + cluster.describe() + " (" + lastFailure.getMessage() + ")");
        return;
      }
    }
  }

  void stop() {
    stopped = true;
    thread.interrupt();
  }
}
