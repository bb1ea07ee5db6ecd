package mproc;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import mproc.cluster.ClusterSeat;
import mproc.parent.DistributedRun;
import mproc.reporting.QuietLogging;
import mproc.reporting.WorkerLife;
import mproc.reporting.live.LiveRun;
import mproc.reporting.timeline.TimelineReport;
import mproc.settings.Settings;
import mproc.transport.ChronicleProperties;
import mproc.transport.TransportLostException;
import org.testng.ISuite;

/**
 * The run this JVM takes part in, from its start to its end: the {@link DistributedRun} it leads
 * (on this machine, or as a cluster's leader), or the cluster run it joined ({@link JoinedCluster});
 * its live output; and the one way a lost Redis stops this host. {@link MprocListener} decides when,
 * in TestNG's order of events; this class owns what is started and how it ends.
 */
final class CurrentRun {
  /** Set once this JVM has said that its cluster's Redis is lost. */
  private static final AtomicBoolean LOST_CLUSTER = new AtomicBoolean();
  /** Volatile: a lost cluster's heartbeat thread reads it to stop the run ({@link #haltForLostCluster}). */
  private volatile DistributedRun run;
  /** This host's part in a cluster run it joined and does not lead (issue 20): its suites run nothing here; else null. */
  private volatile JoinedCluster joined;
  /**
   * The run {@link #startEarly} began on a thread of its own, so that its first worker's start and
   * Chronicle's set-up (a quarter of a second) overlap TestNG's set-up of the suites; taken by the
   * first suite ({@link #awaitEarly}).
   */
  private EarlyStart early;
  /**
   * A cluster run's early start: true once this host has joined a run another host leads, false
   * once it leads (or took no seat); null without one. {@link #joinsCluster} waits for it.
   */
  private volatile CompletableFuture<Boolean> seatJoins;
  /** Live progress and the summary at the end (issue 19): null without a run, or with mproc.progress=off. */
  private LiveRun live;

  /** The run this JVM leads; null before it starts, after it ends, or on a host that joined a cluster run. */
  DistributedRun leading() {
    return run;
  }

  /** Whether this JVM joined a cluster run that another host leads. */
  boolean joined() {
    return joined != null;
  }

  /** Whether a run is started or starting early. */
  boolean started() {
    return run != null || early != null;
  }

  LiveRun live() {
    return live;
  }

  /** {@link #start} with one worker, on a thread of its own: TestNG's thread goes on setting up the suites. */
  void startEarly(Settings settings) {
    prepare(settings);
    seatJoins = settings.cluster() == null ? null : new CompletableFuture<>();
    early = EarlyStart.begin(() -> begin(settings, 1));
  }

  /**
   * Whether the run started early is a cluster run this host joined and does not lead; waits until
   * its seat is taken (a Redis round trip or two). False without a cluster, or if no seat was taken
   * (what stopped it is thrown by {@link #awaitEarly}).
   */
  boolean joinsCluster() {
    CompletableFuture<Boolean> joins = seatJoins;
    return joins != null && joins.join();
  }

  /** The run {@link #startEarly} began, once started; what stopped it is thrown here, on TestNG's thread. */
  void awaitEarly() {
    EarlyStart started = early;
    early = null;
    if (started != null) {
      started.await();
    }
  }

  /** Starts the run, unless one is started or joined. */
  void start(Settings settings, int firstWorkers) {
    if (run == null && joined == null) {
      prepare(settings);
      begin(settings, firstWorkers);
    }
  }

  /** Ends a run that ran nothing (started before the suite's own settings were read, or for a suite that runs alone). */
  void closeUnused() {
    run.close();
    run = null;
  }

  /** What this JVM needs before a run starts: Chronicle's and logging's properties, and its live output. */
  private void prepare(Settings settings) {
    ChronicleProperties.apply();
    QuietLogging.apply();
    if (live != null) { // issue 19: a run started again gets its own live output
      live.finish(List.of());
    }
    live = LiveRun.start(settings); // before the workers copy their output
  }

  /**
   * Starts the run: on this machine; or, with {@code mproc.cluster}, as its leader if this host is
   * the first, else as a host that joins it (issue 20).
   */
  private void begin(Settings settings, int firstWorkers) {
    if (settings.cluster() == null) {
      run = DistributedRun.start(settings, firstWorkers, null);
      return;
    }
    ClusterSeat seat = null;
    try {
      seat = ClusterSeat.take(settings, this::haltForLostCluster);
    } finally {
      CompletableFuture<Boolean> joins = seatJoins;
      if (joins != null) {
        joins.complete(seat != null && !seat.leads());
      }
    }
    try {
      if (seat.leads()) {
        run = DistributedRun.start(settings, firstWorkers, seat);
        return;
      }
      if (live != null) { // a joined host shows no progress of its own: the leader reports the tests
        live.finish(List.of());
        live = null;
      }
      joined = JoinedCluster.join(settings, seat);
    } catch (RuntimeException | Error e) {
      seat.close();
      throw e;
    }
  }

  /** The suite's {@code mproc.progress} and its tests' count on the progress line (issue 19). */
  void showProgress(Settings settings, ISuite suite) {
    live = LiveRun.settle(live, settings, run.dispatchedAny());
    if (live != null) {
      live.expect(suite.getAllMethods());
    }
  }

  /** On a host that joined a cluster run: waits for its end (the first suite; the others find it over). */
  void runJoinedToEnd() {
    guarded(() -> {
      joined.runToEnd();
      return null;
    });
  }

  /** Does {@code step} of the run; a lost cluster's Redis stops this host in one line. */
  <T> T guarded(Supplier<T> step) {
    try {
      return step.get();
    } catch (TransportLostException e) {
      haltForLostCluster(e.getMessage());
      throw e;
    }
  }

  /**
   * Redis is lost (the heartbeat could not beat for {@code mproc.hostTimeout}, or a read or write
   * failed): this host says so in one line, stops its workers and exits 1.
   */
  private void haltForLostCluster(String why) {
    if (!LOST_CLUSTER.compareAndSet(false, true)) {
      return; // said once; the first caller halts
    }
    System.err.println(why + "; this host stops");
    System.err.flush();
    DistributedRun leading = run;
    JoinedCluster joining = joined;
    if (leading != null) {
      leading.haltForLostCluster();
    } else if (joining != null) {
      joining.haltForLostCluster();
    }
    Runtime.getRuntime().halt(1);
  }

  /**
   * TestNG's last suite has ended: the run's workers exit and a cluster's other hosts are told its
   * outcome now, while TestNG writes its reports.
   *
   * @param distributedSuites the suites whose tests ran on workers
   */
  void endWork(List<ISuite> distributedSuites) {
    DistributedRun ending = run;
    if (ending == null) {
      return;
    }
    guarded(() -> {
      offerOutcome(ending, distributedSuites);
      ending.endWork();
      return null;
    });
  }

  /** Issue 20: what a cluster's joined hosts print and exit with, made once, when they are told. */
  private static void offerOutcome(DistributedRun ending, List<ISuite> distributedSuites) {
    if (ending.leadsCluster()) {
      ending.outcome(() -> mproc.cluster.RunOutcome.of(distributedSuites, ending.settings(), ending.interrupted()));
    }
  }

  /**
   * Ends the run this JVM leads at the end of TestNG's execution: what the joined hosts print, the
   * workers' exit and the global fixtures' close, the timeline report and the summary (after
   * TestNG's own, printed as each suite ended, and its reports).
   *
   * @param distributedSuites the suites whose tests ran on workers
   */
  void finish(List<ISuite> distributedSuites) {
    awaitEarly(); // started for suites that never came (none selected, or an error before them)
    List<WorkerLife> lives = List.of();
    DistributedRun ending = run;
    if (ending != null) {
      offerOutcome(ending, distributedSuites); // if the last suite's end did not tell them
      guarded(() -> {
        ending.close(); // closes the global fixtures after the workers' last tests
        return null;
      });
      lives = ending.workerLives();
      TimelineReport.writeOrWarn(distributedSuites, lives, System.err); // every worker has exited
      run = null;
    }
    if (live != null) {
      live.finish(lives);
      live = null;
    }
  }

  /** On a host that joined a cluster run: prints the run's failures and summary (see {@link JoinedCluster#finish}). */
  void finishJoined() {
    if (joined != null) {
      JoinedCluster ending = joined;
      joined = null;
      ending.finish();
    }
  }
}
