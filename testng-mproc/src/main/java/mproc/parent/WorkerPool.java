package mproc.parent;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import mproc.launch.ClassDataSharing;
import mproc.launch.InheritedOptions;
import mproc.launch.RuntimeProperties;
import mproc.launch.WorkerCommand;
import mproc.launch.WorkerOutput;
import mproc.launch.WorkerProcess;
import mproc.settings.Settings;
import mproc.transport.Channel;
import mproc.transport.RunDirectory;
import mproc.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run's worker JVMs: how many are wanted, starting them (the first at once, the others once one
 * is ready, so that on few cores the first is not slowed by every other JVM starting), replacing
 * crashed ones within {@code mproc.maxWorkerRestarts}, and stopping a hung one with its thread dump.
 */
final class WorkerPool {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
  private static final long THREAD_DUMP_WAIT_MS = 2_000;

  private final Settings settings;
  private final RunDirectory directory;
  private final Transport transport;
  private final PrintStream out;
  private final PrintStream err;
  private final List<RemoteWorker> workers = new ArrayList<>();
  /** Ids of the JVMs started here count from this one up: 0, or a joined host's {@link mproc.reporting.WorkerLife#HOST_IDS} block. */
  private final int firstId;
  private int started;
  private final ClassDataSharing classDataSharing;
  /** Made with the run, before any worker: a thread-leak detector of the user's sees no new thread as workers start. */
  private final WorkerOutput output = new WorkerOutput();
  /** The parent's JVM options that workers get, read once per run. */
  private final InheritedOptions parentOptions = InheritedOptions.ofThisJvm();
  /** The most workers alive at once: the cores, less the parent when it runs units itself. */
  private int capacity;
  private int wanted;
  private int restarts;
  private boolean anyReady;
  private long firstReadyNanos;
  private boolean anyTestStarted;
  /** If no test has started this long after the first worker was ready (a long @BeforeSuite), start the others anyway. */
  private static final long OTHERS_AFTER_READY_NANOS = 1_000_000_000L;
  /**
   * Or this long after the first worker was started, with no word from it: the parent, in a class
   * of its own tests, reads no message until the class ends (a worker is ready in 0.3-1 s).
   */
  private static final long OTHERS_AFTER_START_NANOS = 2_000_000_000L;
  private long firstStartNanos;
  /** A start that failed on {@code ParentTurns}' thread: thrown on TestNG's, by the read loop's next {@link #startPending}. */
  private volatile RuntimeException failedAside;
  /** The run is ending: no worker starts any more (a shutdown hook sets it while TestNG's thread runs on). */
  private volatile boolean shutDown;

  WorkerPool(Settings settings, int capacity, RunDirectory directory, Transport transport, PrintStream out, PrintStream err) {
    this(settings, capacity, directory, transport, out, err, 0);
  }

  WorkerPool(Settings settings, int capacity, RunDirectory directory, Transport transport, PrintStream out, PrintStream err, int firstId) {
    this.settings = settings;
    this.firstId = firstId;
    this.capacity = capacity;
    this.directory = directory;
    this.transport = transport;
    this.out = out;
    this.err = err;
    this.classDataSharing = settings.classDataSharing() && !parentOptions.usersOwnSharing() ? ClassDataSharing.forThisJvm() : ClassDataSharing.none();
    // The cluster's address (with its password) reaches workers here, in the private run directory,
    // never on a command line.
    RuntimeProperties.write(RuntimeProperties.in(directory.path()),
        settings.cluster() == null ? java.util.Map.of() : java.util.Map.of(Settings.CLUSTER, settings.cluster()));
    if (parentOptions.notice() != null) {
      err.println(parentOptions.notice());
    }
  }

  /** After the run: make the workers' class-data sharing archive for next time, if there is none. */
  void prepareNextStart() {
    if (settings.classDataSharing()) {
      classDataSharing.trainInBackground();
    }
  }

  /** A joined host's worker (cluster run): read, watched and reported as the pool's own, but never started or replaced here. */
  void adopt(RemoteWorker hosted) {
    synchronized (workers) {
      workers.add(hosted);
    }
  }

  /** Every worker of this run, in order, the gone ones included (and the joined hosts' in a cluster run). */
  List<RemoteWorker> all() {
    return workers;
  }

  /** Every worker's life, in the order they started, after {@code parents} (the parent's own sessions; null if none). */
  List<mproc.reporting.WorkerLife> lives(mproc.reporting.WorkerLife parents) {
    List<mproc.reporting.WorkerLife> lives = new java.util.ArrayList<>();
    if (parents != null) {
      lives.add(parents);
    }
    workers.forEach(w -> lives.add(w.life()));
    return lives;
  }

  /**
   * Asks for {@code min(capacity, units)} workers, never more than units; the first starts now. Returns
   * how many the run now wants.
   */
  int want(int units) {
    wanted = Math.max(wanted, Math.min(capacity, units));
    if (started == 0 && wanted > 0) {
      start();
    }
    startPending();
    return wanted;
  }

  /**
   * Starts the wanted workers not running yet, once the first worker has started a test (so that
   * their start-up does not delay its first test on a machine with few cores), or a second after
   * it was ready if it has not, or {@link #OTHERS_AFTER_START_NANOS} after it started if nothing has
   * been read from it. Called on every pass of the read loop, and by {@code ParentTurns} while the
   * parent is in a class of its own tests, when the read loop does not run.
   */
  void startPending() {
    RuntimeException failed = failedAside;
    if (failed != null) {
      failedAside = null;
      throw failed; // a worker that cannot start stops the run, reported as any other
    }
    if (shutDown || started >= wanted) {
      return; // nothing to count once all have started, and nothing starts once the run ends
    }
    long now = System.nanoTime();
    if (anyTestStarted || (anyReady && now - firstReadyNanos > OTHERS_AFTER_READY_NANOS)
        || (started > 0 && now - firstStartNanos > OTHERS_AFTER_START_NANOS)) {
      // No more JVMs starting at once than there are processors: they would only slow each other.
      while (aliveHere() < wanted && started < wanted && starting() < PROCESSORS) {
        start();
      }
    }
  }

  /**
   * {@link #startPending} from a thread of ours beside TestNG's: a failure to start a worker is kept
   * for the read loop, whose handling reports it (no stack trace on a thread nobody watches).
   */
  void startPendingAside() {
    try {
      startPending();
    } catch (RuntimeException e) {
      if (!shutDown) {
        failedAside = e;
      }
    }
  }

  /** Whether some wanted workers have not been started yet, and may still be. */
  boolean anyPending() {
    return !shutDown && failedAside == null && started < wanted;
  }

  /** Starts every wanted worker now, not one after the other: a joined host, which hears nothing of its workers' tests. */
  void startAll(int count) {
    wanted = Math.min(capacity, count);
    while (started < wanted) {
      start();
    }
  }

  /** The worker said it was ready at {@code readyMillis} (its clock: read late while the parent ran a test of its own). */
  void ready(RemoteWorker w, long readyMillis) {
    w.ready = true;
    w.readyMillis = readyMillis;
    if (!anyReady) {
      anyReady = true;
      firstReadyNanos = System.nanoTime();
    }
  }

  void testStarted() {
    anyTestStarted = true;
  }

  boolean anyReady() {
    return anyReady;
  }

  static final int PROCESSORS = Math.max(1, Runtime.getRuntime().availableProcessors());

  /** Workers starting: not ready, as far as the read loop has heard, and started less than {@link #OTHERS_AFTER_START_NANOS} ago. */
  private int starting() {
    long recent = System.currentTimeMillis() - OTHERS_AFTER_START_NANOS / 1_000_000;
    return (int) workers.stream().filter(w -> w.local() && !w.gone && !w.ready && w.startedMillis > recent).count();
  }

  /** Workers of the run alive, a joined host's too. */
  int alive() {
    return (int) workers.stream().filter(w -> !w.gone && !w.stoodDown).count();
  }

  /** Workers alive that this JVM started. */
  private int aliveHere() {
    return (int) workers.stream().filter(w -> w.local() && !w.gone && !w.stoodDown).count();
  }

  /**
   * Stops every live worker (the parent shut the gate: they have taken no work) and starts no more
   * in this run; returns how many were stopped.
   */
  int standDown() {
    int stopped = 0;
    for (RemoteWorker w : workers) {
      if (!w.gone && !w.stoodDown) {
        w.stoodDown = true;
        w.process.stop(0);
        stopped++;
      }
    }
    wanted = 0;
    capacity = 0;
    return stopped;
  }

  /** Whether a crashed worker may still be replaced (and its unstarted work go back on the queue). */
  boolean mayReplace() {
    return restarts < settings.maxWorkerRestarts();
  }

  int restarts() {
    return restarts;
  }

  /** Starts a worker in place of one that died, if the budget allows and fewer than wanted run. */
  void replace(RemoteWorker dead) {
    if (mayReplace() && aliveHere() < wanted) {
      restarts++;
      RemoteWorker w = start();
      err.println("mproc: " + w.process.describe() + " starts in place of worker " + dead.id()
          + " (restart " + restarts + " of " + settings.maxWorkerRestarts() + ", mproc.maxWorkerRestarts)");
    }
  }

  /** Once every worker has stopped: the rest of their output, and the end of the thread that copies it. */
  void closeOutput() {
    output.close();
  }

  /** From now on no worker starts; returns the workers to stop. */
  List<RemoteWorker> shutDown() {
    shutDown = true;
    synchronized (workers) {
      return new ArrayList<>(workers);
    }
  }

  private RemoteWorker start() {
    if (shutDown) {
      throw new IllegalStateException("mproc: the run is ending; no worker starts");
    }
    if (started == 0) {
      firstStartNanos = System.nanoTime();
    }
    int id = firstId + ++started;
    List<String> command = WorkerCommand.of(directory.path(), id, parentOptions, settings.jvmArgs(), classDataSharing);
    long startedMillis = System.currentTimeMillis(); // before the launch: its ready time is the worker's own clock
    WorkerProcess process;
    try {
      process = WorkerProcess.start(id, command, output, out, err);
    } catch (UncheckedIOException e) {
      throw new WorkerStartException("cannot start worker " + id + " (" + e.getCause().getMessage() + ")", command, List.of());
    }
    Channel results;
    try {
      results = transport.openResults(id);
    } catch (RuntimeException | Error e) {
      process.stop(0);
      throw e;
    }
    RemoteWorker w = new RemoteWorker(process, results, command, startedMillis);
    synchronized (workers) {
      workers.add(w);
    }
    LOG.debug("started worker {}: {}", id, command);
    return w;
  }

  /**
   * Stops a worker whose test has run too long: asks it for its threads' stacks (its watch thread
   * answers even while the test thread is stuck), waits up to 2 s for them, then kills it.
   *
   * @return the thread dump, or a note saying why there is none
   */
  String stopHung(RemoteWorker w) {
    if (w.process instanceof HostedWorker) {
      w.process.stop(0); // its host stops it, and prints its threads
      return "(its threads are printed on its host)";
    }
    String dump = "(no thread dump: the worker did not answer within 2 s)";
    try {
      Files.createFile(directory.threadDumpRequest(w.id()));
      long deadline = System.nanoTime() + THREAD_DUMP_WAIT_MS * 1_000_000;
      while (System.nanoTime() < deadline && !Files.exists(directory.threadDump(w.id()))) {
        Thread.sleep(20);
      }
      if (Files.exists(directory.threadDump(w.id()))) {
        dump = Files.readString(directory.threadDump(w.id()));
      }
    } catch (IOException e) {
      dump = "(no thread dump: " + e + ")";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    w.process.stop(0);
    return dump;
  }
}
