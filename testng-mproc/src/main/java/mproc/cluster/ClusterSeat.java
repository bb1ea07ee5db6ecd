package mproc.cluster;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import mproc.launch.ClassPathFingerprint;
import mproc.launch.Transports;
import mproc.settings.Settings;
import mproc.settings.SettingsException;
import mproc.transport.Cluster;
import mproc.transport.Transport;

/**
 * This host's place in a cluster run, taken once: the first host to arrive leads; any other joins,
 * if its class path holds what the leader's does and the run has not ended. Either way its
 * heartbeat runs from here until {@link #close}: a key that expires {@code mproc.hostTimeout} after
 * its last beat, so the other hosts see it go within that time.
 */
public final class ClusterSeat implements AutoCloseable {
  /** The leader's class path fingerprint, published before any host may join. */
  static final String FINGERPRINT = "fingerprint";
  /** Published by the leader once the run has ended: a host that comes later has nothing to do. */
  public static final String ENDED = "ended";
  private static final long FINGERPRINT_WAIT_MS = 10_000;
  /** Whether this JVM joined a cluster run it does not lead (its TestNG ran no test: its exit code is not the run's). */
  private static volatile boolean joinedInThisJvm;

  private final Transport transport;
  private final Cluster cluster;
  private final int host;
  private final boolean ended;
  private final Heartbeat heartbeat;

  private ClusterSeat(Transport transport, Cluster cluster, int host, boolean ended, Heartbeat heartbeat) {
    this.transport = transport;
    this.cluster = cluster;
    this.host = host;
    this.ended = ended;
    this.heartbeat = heartbeat;
  }

  /**
   * Leads or joins the run {@code mproc.cluster} names.
   *
   * @param onLoss what this host does, with the line that says so, if it cannot beat for
   *     {@code mproc.hostTimeout} (Redis is lost)
   * @throws SettingsException one line: Redis does not answer, this host's build differs from the
   *     leader's, or the leader is gone
   */
  public static ClusterSeat take(Settings settings, Consumer<String> onLoss) {
    FutureTask<ClassPathFingerprint> ownFingerprint = fingerprintMeanwhile();
    Transport transport = Transports.forParent(settings, null);
    Cluster cluster = transport.cluster();
    long timeoutMillis = (long) (settings.hostTimeoutSeconds() * 1000);
    try {
      if (cluster.lead()) {
        cluster.beat(Cluster.LEADER, timeoutMillis); // before the fingerprint: a host that reads it finds the leader alive
        publishFingerprintSoon(cluster, ownFingerprint);
        return new ClusterSeat(transport, cluster, Cluster.LEADER, false,
            Heartbeat.start(cluster, Cluster.LEADER, timeoutMillis, onLoss));
      }
      joinedInThisJvm = true;
      if (cluster.read(ENDED) != null) {
        return new ClusterSeat(transport, cluster, -1, true, null);
      }
      String refusal = refusal(cluster, awaitFingerprint(cluster), fingerprint(ownFingerprint));
      if (refusal != null) {
        throw new SettingsException(refusal);
      }
      if (!cluster.alive(Cluster.LEADER)) {
        throw new SettingsException(leaderGone(cluster, settings));
      }
      int host = cluster.join();
      cluster.beat(host, timeoutMillis); // alive before the leader hears of its first worker
      return new ClusterSeat(transport, cluster, host, false, Heartbeat.start(cluster, host, timeoutMillis, onLoss));
    } catch (RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /**
   * This host's fingerprint, made on a thread of its own from the start (0.09-0.13 s in a cold JVM
   * for a class path of 12 MB): it overlaps connecting to Redis and, on a joining host, waiting for
   * the leader's, instead of following them.
   */
  private static FutureTask<ClassPathFingerprint> fingerprintMeanwhile() {
    FutureTask<ClassPathFingerprint> task = new FutureTask<>(ClassPathFingerprint::ofThisJvm);
    Thread t = new Thread(task, "mproc-fingerprint");
    t.setDaemon(true);
    t.start();
    return task;
  }

  private static ClassPathFingerprint fingerprint(FutureTask<ClassPathFingerprint> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("mproc: interrupted while reading the class path", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("mproc: cannot read the class path", e.getCause());
    }
  }

  /**
   * The leader publishes its fingerprint once made, while the run goes on starting: only joining
   * hosts wait for it. A failure to publish it is Redis lost, which the heartbeat reports.
   */
  private static void publishFingerprintSoon(Cluster cluster, FutureTask<ClassPathFingerprint> own) {
    Thread publisher = new Thread(() -> {
      try {
        cluster.publish(FINGERPRINT, fingerprint(own).text());
      } catch (mproc.transport.TransportLostException e) {
        // the heartbeat says Redis is lost, once, and stops this host
      }
    }, "mproc-fingerprint-publisher");
    publisher.setDaemon(true);
    publisher.start();
  }

  /**
   * Whether this JVM joined a cluster run as a host that does not lead: its TestNG ran no test, so
   * its own exit code ("no tests") says nothing; a failed run is thrown at its end instead.
   */
  public static boolean joinedInThisJvm() {
    return joinedInThisJvm;
  }

  private static String awaitFingerprint(Cluster cluster) {
    long deadline = System.nanoTime() + FINGERPRINT_WAIT_MS * 1_000_000;
    for (String leaders = cluster.read(FINGERPRINT); ; leaders = cluster.read(FINGERPRINT)) {
      if (leaders != null) {
        return leaders;
      }
      if (System.nanoTime() > deadline) {
        throw new SettingsException("mproc: run " + cluster.describe() + " has a leader that published no class path within "
            + FINGERPRINT_WAIT_MS / 1000 + " s; it may have stopped while it started. Start the run again under a new name");
      }
      sleep(10);
    }
  }

  /** Null if this host may join; else why not, in one line. */
  static String refusal(Cluster cluster, String leadersFingerprint, ClassPathFingerprint own) {
    String difference = own.firstDifferenceFrom(ClassPathFingerprint.parse(leadersFingerprint));
    return difference == null ? null
        : "mproc: this host takes no part in run " + cluster.describe() + ": its build differs from the leader's: " + difference
            + ". Run the same build on every host";
  }

  /** The line a joined host stops with when the leader's heartbeat is gone. */
  public static String leaderGone(Cluster cluster, Settings settings) {
    return "mproc: the leader of run " + cluster.describe() + " is gone (no heartbeat for " + (long) settings.hostTimeoutSeconds()
        + " s); this host stops. Start the run again under a new name";
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("mproc: interrupted while joining a cluster run", e);
    }
  }

  public boolean leads() {
    return host == Cluster.LEADER;
  }

  /** The run had ended when this host came: it has nothing to do. */
  public boolean runEnded() {
    return ended;
  }

  /** This host's number: {@link Cluster#LEADER}, or 1, 2, ... for joined hosts. */
  public int host() {
    return host;
  }

  /** How other hosts name this one: "host 2 (ci-node-7, pid 4321)". */
  public String label() {
    return label(host, ProcessHandle.current().pid());
  }

  static String label(int host, long pid) {
    String name = System.getenv("HOSTNAME");
    return "host " + host + " (" + (name == null || name.isBlank() ? "" : name + ", ") + "pid " + pid + ")";
  }

  public Transport transport() {
    return transport;
  }

  public Cluster cluster() {
    return cluster;
  }

  /** Stops the heartbeat (other hosts see this one go within {@code mproc.hostTimeout}) and the connection. */
  @Override
  public void close() {
    if (heartbeat != null) {
      heartbeat.stop();
    }
    cluster.close();
  }
}
