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
  private static final long WORKER_EXIT_GRACE_MS = 30_000;
  private static final long WATCH_EVERY_NANOS = 10_000_000;

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
  private final LeaderWatch leaderWatch;
  private long nextWatchNanos;
  /**
   * Held by the thread that watches between this JVM's own tests: TestNG runs some tests on
   * threads of its own (see {@code ResultReader}), and the watch reads messages in order.
   */
  private final java.util.concurrent.locks.ReentrantLock watching = new java.util.concurrent.locks.ReentrantLock();
  /** On SIGTERM or Ctrl-C: its workers stop, the leader hears of it at once, the run directory goes. */
  private final Thread stopOnExit = new Thread(this::stoppedFromOutside, "mproc-joined-cleanup");
  private volatile boolean closed;

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
    this.leaderWatch = new LeaderWatch(seat, settings, err, () -> {
      if (own != null) {
        own.stopClaiming();
      }
    }, this::stopAndHalt);
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
      host.leaderWatch.start();
      Runtime.getRuntime().addShutdownHook(host.stopOnExit);
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
    if (own != null) {
      own.useLeadersFixtures();
    }
    while (true) {
      watch();
      if (ended != null) {
        if (own != null) {
          own.end(hosts);
        }
        leaderWatch.stop();
        stopWorkers(WORKER_EXIT_GRACE_MS);
        return ended;
      }
      String stop = leaderWatch.stopReason();
      if (stop != null) {
        leaderWatch.acknowledge();
        stopWorkers(0);
        throw new SettingsException(stop);
      }
      if (own == null || !own.step(hosts)) {
        pool.all().stream().filter(w -> !w.gone).findAny().ifPresentOrElse(w -> sleep(10), () -> sleep(50));
      }
    }
  }

  /** What the leader asked, and the workers that exited. */
  private void watch() {
    watching.lock();
    try {
      for (Message m = control.poll(); m != null; m = control.poll()) {
        if (m instanceof StopWorker stop) {
          stopAsked(stop.workerId());
        } else if (m instanceof RunEnded end) {
          ended = end;
        }
      }
      reportExits();
    } finally {
      watching.unlock();
    }
  }

  /** Between two tests of this JVM's own sessions: the workers are watched, and the run's end ends the session. */
  private void betweenOwnTests() {
    if (!watching.tryLock()) {
      return; // another test's thread is watching
    }
    try {
      long now = System.nanoTime();
      if (now - nextWatchNanos < 0) {
        return; // a test's start and end: two Redis reads each at most every 10 ms, not per message
      }
      nextWatchNanos = now + WATCH_EVERY_NANOS;
      watch();
      if (ended != null) {
        own.stopClaiming();
      }
    } finally {
      watching.unlock();
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
   * Redis or the leader is lost and TestNG's thread cannot end this host's part: the workers stop,
   * the run directory goes, and the JVM halts with 1 (see {@link DistributedRun#haltForLostCluster}).
   */
  public void stopAndHalt() {
    for (RemoteWorker w : pool.shutDown()) {
      w.process.stop(0);
    }
    directory.close();
    Runtime.getRuntime().halt(1);
  }

  /**
   * This JVM is ending without {@link #close} (SIGTERM, Ctrl-C): its workers are stopped and the
   * leader is told of each at once (their tests in flight fail there, their unstarted work goes to
   * the other hosts), rather than after {@code mproc.hostTimeout}; the run directory is removed.
   */
  private synchronized void stoppedFromOutside() {
    if (closed) {
      return;
    }
    stopping = true;
    try {
      for (RemoteWorker w : pool.shutDown()) {
        w.process.stop(0);
      }
      reportExits();
      if (own != null) {
        hosts.send(new WorkerExited(seat.host() * mproc.reporting.WorkerLife.HOST_IDS, 143,
            List.of("its host was stopped (SIGTERM or Ctrl-C)")));
      }
    } catch (RuntimeException e) { // Redis lost too: the leader counts this host lost after mproc.hostTimeout
      err.println("mproc: could not tell the leader that this host stops: " + e.getMessage());
    } finally {
      directory.close();
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException e) {
      // already shutting down: the hook is running or has run
    }
    leaderWatch.stop();
    for (RemoteWorker w : pool.shutDown()) {
      w.process.stop(0);
      w.results.close();
    }
    pool.closeOutput();
    if (own != null) {
      own.close();
    }
    hosts.close();
    control.close();
    seat.close();
    directory.close();
  }
}
