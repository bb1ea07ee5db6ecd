package mproc;

import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import mproc.planning.Durations;
import mproc.planning.MachineLoad;
import org.testng.ISuite;

/**
 * Whether a suite runs faster with worker JVMs or in this JVM alone, as plain TestNG runs it, learnt
 * from earlier runs and kept in the durations file (as observations {@code @workers}, {@code @alone}
 * and {@code @busy} of the suite: the run's wall time each way, and how busy the processors were with
 * workers). On two processors a suite whose one JVM already keeps both busy (its tests compute while
 * the JIT compiles them) loses with workers, which repeat the JIT's warm-up of the same code
 * (datasketches: 17.0 s with a worker JVM, 16.1 s plain). Its tests' measured durations cannot
 * tell, as they hardly change; the run's wall time can.
 *
 * <ul>
 *   <li>Ran with workers only, and the processors were at least {@value #SATURATED_PERMILLE}‰ busy:
 *       the next run tries this JVM alone, once, to compare.
 *   <li>Both measured: the faster one. The other is measured again once its figure is
 *       {@value #STALE_RUNS} runs old, so that a suite that changes is not held to an old choice
 *       (alone again only while workers keep the processors that busy).
 * </ul>
 */
final class SuiteModes {
  static final long SATURATED_PERMILLE = 900;
  static final long STALE_RUNS = 10;

  /** Each timed suite's start, and the durations its time is kept in. */
  private final Map<ISuite, Start> started = new IdentityHashMap<>();
  private final Map<ISuite, End> ended = new IdentityHashMap<>();
  /** Every suite of the execution that ended, timed or not: a run is timed whole only when it ran one. */
  private int suitesEnded;
  private long executionStartNanos = -1;
  private MachineLoad executionStartLoad;

  /** When a suite started, and the processors' time then (null where not known). */
  private record Start(long nanos, MachineLoad load, Durations kept) {}

  /** How a suite ended: alone or with workers, when, and the processors' time then. */
  private record End(boolean alone, long nanos, MachineLoad load) {}

  /** Whether to run alone, and why (null: with workers). */
  record Choice(boolean alone, String why) {}

  static Choice choose(Durations d, String suite) {
    long workers = d.known(key("workers", suite));
    long alone = d.known(key("alone", suite));
    long busy = d.known(key("busy", suite));
    if (workers < 0) {
      return new Choice(false, null);
    }
    if (alone < 0) {
      return busy >= SATURATED_PERMILLE
          ? new Choice(true, String.format(Locale.ROOT, "with worker JVMs it took %s and the processors were %d %% busy;"
              + " this run measures it here alone, to compare", seconds(workers), busy / 10))
          : new Choice(false, null);
    }
    boolean aloneFaster = alone < workers;
    if (d.runsSince(key(aloneFaster ? "workers" : "alone", suite)) >= STALE_RUNS) { // measure the other again
      if (aloneFaster) {
        return new Choice(false, null);
      }
      if (busy >= SATURATED_PERMILLE) { // only while workers still keep the processors busy
        return new Choice(true, "this run measures it here alone again, to compare with worker JVMs");
      }
    }
    return aloneFaster
        ? new Choice(true, "earlier runs took " + seconds(alone) + " here alone against " + seconds(workers) + " with worker JVMs")
        : new Choice(false, null);
  }

  /**
   * Whether every suite earlier runs kept a mode for runs alone next time: then a run is not started
   * before the suite is known (its first worker's start would only take processors from this JVM).
   */
  static boolean allAlone(Durations d) {
    java.util.Set<String> suites = d.observed(key("workers", ""));
    return !suites.isEmpty() && suites.stream().allMatch(s -> choose(d, s).alone());
  }

  /**
   * The execution starts. A run is timed from here to its end, when it ran one suite: what the user
   * waits for, the first worker's early start and TestNG's reports included, which a suite's own
   * start and end leave out (datasketches: 14.8 s with workers against 15.0 s alone between them,
   * 17.0-17.9 s against 16.7 s in all).
   */
  synchronized void executionStarted() {
    executionStartNanos = System.nanoTime();
    executionStartLoad = MachineLoad.now();
  }

  /** A suite whose time is kept in {@code d} starts (its mode is known at its end). */
  synchronized void started(ISuite suite, Durations d) {
    started.put(suite, new Start(System.nanoTime(), MachineLoad.now(), d));
  }

  /** The suite ended, run {@code alone} or with workers. */
  synchronized void finished(ISuite suite, boolean alone) {
    suitesEnded++;
    if (started.containsKey(suite)) {
      ended.put(suite, new End(alone, System.nanoTime(), MachineLoad.now()));
    }
  }

  /**
   * The execution ends, before the durations are written: each suite's time, alone or with workers,
   * is kept for the next choice. The only suite of an execution is timed from the execution's start to
   * now; each of several from its own start to its own end (a whole run's time would charge one
   * suite with the others').
   */
  synchronized void record() {
    boolean whole = suitesEnded == 1 && ended.size() == 1 && executionStartNanos >= 0;
    ended.forEach((suite, end) -> {
      Start begun = started.get(suite);
      long start = whole ? executionStartNanos : begun.nanos();
      MachineLoad before = whole ? executionStartLoad : begun.load();
      long stop = whole ? System.nanoTime() : end.nanos();
      MachineLoad after = whole ? MachineLoad.now() : end.load();
      Durations d = begun.kept();
      d.observe(key(end.alone() ? "alone" : "workers", suite.getName()), (stop - start) / 1_000_000);
      if (!end.alone() && before != null && after != null) {
        d.observe(key("busy", suite.getName()), Math.round(after.busySince(before) * 1000));
      }
    });
    ended.clear();
    started.clear();
    suitesEnded = 0;
  }

  private static String key(String what, String suite) {
    return Durations.OBSERVATION + what + " " + suite;
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
