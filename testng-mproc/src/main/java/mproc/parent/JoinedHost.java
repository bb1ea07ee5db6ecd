package mproc.parent;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mproc.cluster.ClusterSeat;
import mproc.settings.Settings;
import mproc.settings.SettingsException;
import mproc.transport.Channel;
import mproc.transport.Cluster;
import mproc.transport.Message;
import mproc.transport.Message.HostJoined;
import mproc.transport.Message.RunEnded;
import mproc.transport.Message.StopWorker;
import mproc.transport.Message.WorkerExited;
import mproc.transport.Message.WorkerStarted;
import mproc.transport.RunDirectory;

/**
 * A host that joined a cluster run it does not lead: it starts {@code mproc.cores} worker JVMs that
 * pull from the run's queue, tells the leader of each one that starts or exits (the leader reports
 * their tests), replaces one that crashes, and stops one the leader asks it to. It ends when the
 * leader says the run is over, with the run's failures and summary; or, without a word, when the
 * leader's heartbeat stops.
 */
public final class JoinedHost implements AutoCloseable {
  private static final long LEADER_CHECK_NANOS = 500_000_000;
  private static final long WORKER_EXIT_GRACE_MS = 30_000;

  private final Settings settings;
  private final ClusterSeat seat;
  private final RunDirectory directory;
  private final WorkerPool pool;
  private final Channel hosts;
  private final Channel control;
  private final PrintStream err;
  private final Set<Integer> announced = new HashSet<>();
  private RunEnded ended;
  /** Its workers are being stopped: none is replaced any more. */
  private boolean stopping;
  /** This JVM's own sessions, when it is one of the host's cores ({@code mproc.parentRuns}); else null. */
  private final OwnSessions own;
  /** Seen by the own sessions between their tests: the leader is gone, claim nothing more. */
  private boolean leaderGone;
  /** Why the leader counted this host lost, if it did (its heartbeat came late). */
  private String countedLost;
  private long nextLeaderCheck;

  private JoinedHost(Settings settings, ClusterSeat seat, RunDirectory directory, PrintStream out, PrintStream err) {
    this.settings = settings;
    this.seat = seat;
    this.directory = directory;
    this.err = err;
    Cluster cluster = seat.cluster();
    this.hosts = cluster.openHosts();
    this.control = cluster.openControl();
    // Cucumber's report files are given per worker JVM through a system property: none in this one.
    boolean ownWorks = settings.parentWorks() && System.getProperty(mproc.reporting.CucumberReports.PLUGIN_PROPERTY) == null;
    this.pool = new WorkerPool(settings, settings.workerJvms(), directory, seat.transport(), out, err,
        seat.host() * mproc.reporting.WorkerLife.HOST_IDS);
    this.own = ownWorks ? OwnSessions.open(seat.transport(), seat.host() * mproc.reporting.WorkerLife.HOST_IDS, this::betweenOwnTests)
        : null;
  }

  /**
   * Joins with {@code seat} (a seat that does not lead) and starts this host's workers at once:
   * they need nothing of this JVM's TestNG, which is still setting up its suites.
   */
  public static JoinedHost start(Settings settings, ClusterSeat seat) {
    RunDirectory directory = RunDirectory.create(settings.baseDir());
    JoinedHost host;
    try {
      host = new JoinedHost(settings, seat, directory, System.out, System.err);
    } catch (RuntimeException | Error e) {
      directory.close();
      throw e;
    }
    try {
      host.hosts.send(new HostJoined(seat.host(), seat.label()));
      if (host.own != null) {
        host.own.announce(host.hosts, seat.host());
      }
      host.pool.startAll(settings.workerJvms());
      host.announceNew();
      return host;
    } catch (RuntimeException | Error e) {
      host.close();
      throw e;
    }
  }

  /**
   * Watches this host's workers until the run ends; returns its outcome.
   *
   * @throws SettingsException one line, if the leader is gone
   */
  public RunEnded runToEnd() {
    nextLeaderCheck = System.nanoTime() + LEADER_CHECK_NANOS;
    while (true) {
      watch();
      if (ended != null) {
        stopWorkers(WORKER_EXIT_GRACE_MS);
        return ended;
      }
      if (leaderGone) {
        stopWorkers(0);
        throw new SettingsException(ClusterSeat.leaderGone(seat.cluster(), settings));
      }
      if (countedLost != null) { // its heartbeat came late: the leader gave its work to other hosts
        stopWorkers(0);
        throw new SettingsException("mproc: the leader counted this host lost (" + countedLost + "), and gave its work to the other"
            + " hosts; this host stops. A busy host may need a longer " + Settings.HOST_TIMEOUT);
      }
      if (own == null || !own.step(hosts)) {
        pool.all().stream().filter(w -> !w.gone).findAny().ifPresentOrElse(w -> sleep(10), () -> sleep(50));
      }
    }
  }

  /** What the leader asked, the workers that exited, and (twice a second) whether the leader is alive and counts this host. */
  private void watch() {
    for (Message m = control.poll(); m != null; m = control.poll()) {
      if (m instanceof StopWorker stop) {
        stopAsked(stop.workerId());
      } else if (m instanceof RunEnded end) {
        ended = end;
      }
    }
    reportExits();
    if (System.nanoTime() - nextLeaderCheck > 0) {
      nextLeaderCheck = System.nanoTime() + LEADER_CHECK_NANOS;
      leaderGone = !seat.cluster().alive(Cluster.LEADER);
      countedLost = seat.cluster().read(JoinedHosts.lost(seat.host()));
    }
  }

  /** Between two tests of this JVM's own sessions: the workers are watched, and a gone leader ends the session. */
  private void betweenOwnTests() {
    watch();
    if (leaderGone || countedLost != null || ended != null) {
      own.stopClaiming();
    }
  }

  /** Each worker that exited is reported once to the leader, and replaced while the run goes on and the budget allows. */
  private void reportExits() {
    for (RemoteWorker w : List.copyOf(pool.all())) {
      if (!w.gone && !w.process.isAlive()) {
        w.gone = true;
        w.endedMillis = System.currentTimeMillis();
        int code = w.process.exitCode();
        hosts.send(new WorkerExited(w.id(), code, w.process.lastLines()));
        if (code != 0 && ended == null && !stopping && !w.stoodDown) { // 0: it read the end of the work
          pool.replace(w);
          announceNew();
        }
      }
    }
  }

  private void announceNew() {
    for (RemoteWorker w : pool.all()) {
      if (announced.add(w.id())) {
        hosts.send(new WorkerStarted(w.id(), seat.host(), ((mproc.launch.WorkerProcess) w.process).pid(), w.startedMillis));
      }
    }
  }

  /** The leader stopped one of ours (it ran past {@code mproc.timeout}): its threads are printed here, where it ran. */
  private void stopAsked(int workerId) {
    for (RemoteWorker w : pool.all()) {
      if (w.id() == workerId && !w.gone) { // killed, it exits non-zero and is replaced as a crashed one
        err.println("mproc: " + w.process.describe() + " is stopped, as the leader asked; its threads:\n" + pool.stopHung(w));
      }
    }
  }

  private void stopWorkers(long graceMillis) {
    stopping = true;
    for (RemoteWorker w : pool.shutDown()) {
      w.process.stop(graceMillis);
    }
    reportExits();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("mproc: interrupted while this host ran its workers", e);
    }
  }

  /**
   * Redis is lost: the workers stop, the run directory goes, and the JVM halts (see
   * {@link DistributedRun#haltForLostCluster}).
   */
  public void haltForLostCluster() {
    for (RemoteWorker w : pool.shutDown()) {
      w.process.stop(0);
    }
    directory.close();
    Runtime.getRuntime().halt(1);
  }

  @Override
  public void close() {
    for (RemoteWorker w : pool.shutDown()) {
      w.process.stop(0);
      w.results.close();
    }
    if (own != null) {
      own.close();
    }
    hosts.close();
    control.close();
    seat.close();
    directory.close();
  }
}
