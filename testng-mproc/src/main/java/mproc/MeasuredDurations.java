package mproc;

import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import mproc.planning.Durations;
import mproc.planning.Planner;
import mproc.planning.WorkerNeeds;
import mproc.settings.Settings;
import org.testng.IInvokedMethod;
import org.testng.ISuite;
import org.testng.ITestResult;

/**
 * The durations files read in one TestNG execution (each once, shared by the run and the suites run
 * here), and the suites that run in this JVM because earlier runs measured them smaller than a
 * worker's start-up: their tests and class configuration are measured here for the next decision.
 */
final class MeasuredDurations {
  private final Map<Path, Durations> byFile = Collections.synchronizedMap(new HashMap<>());
  /** Suites run here, with the durations they are measured into (read on suites' threads). */
  private final Map<ISuite, Durations> measuredHere = Collections.synchronizedMap(new IdentityHashMap<>());
  private final java.util.Set<ISuite> aloneByChoice = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

  /** The durations in this file, read once. */
  Durations in(Path file) {
    return byFile.computeIfAbsent(file.toAbsolutePath().normalize(), Durations::read);
  }

  /**
   * Whether earlier runs found every suite of this durations file too small for workers, or faster
   * in this JVM alone: then no run starts early for them (a cluster run always does).
   */
  boolean allRunAlone(Settings settings) {
    if (settings.cluster() != null || settings.durations() == null) {
      return false;
    }
    Durations durations = in(settings.durations());
    return durations.allKnownTakeLessThan(WorkerNeeds.WORKER_START_MILLIS) || settings.parentWorks() && SuiteModes.allAlone(durations);
  }

  /**
   * Whether the suite's measured work repays a worker ({@link WorkerNeeds#worthAWorker}); if not, it
   * says so and the suite is measured here from now on.
   */
  boolean worthAWorker(ISuite suite, Settings settings) {
    Durations durations = in(settings.durations());
    long millis = WorkerNeeds.measuredMillis(suite.getAllMethods(), durations);
    if (WorkerNeeds.worthAWorker(millis)) {
      SuiteModes.Choice mode = settings.parentWorks() ? SuiteModes.choose(durations, suite.getName()) : null;
      if (mode == null || !mode.alone()) {
        return true;
      }
      System.out.printf("mproc: suite '%s' runs in this JVM: %s%n", suite.getName(), mode.why());
      measuredHere.put(suite, durations);
      aloneByChoice.add(suite);
      return false;
    }
    System.out.printf(Locale.ROOT,
        "mproc: suite '%s': its tests and their configuration took %.2f s when last measured, less than a"
            + " worker JVM takes to start; they run in this JVM%n",
        suite.getName(), millis / 1000.0);
    measuredHere.put(suite, durations);
    return false;
  }

  /**
   * Whether the suite runs here because earlier runs found it faster here than with workers (not
   * because it is small): only then is its time here compared with its time with workers.
   */
  boolean aloneByChoice(ISuite suite) {
    return aloneByChoice.contains(suite);
  }

  /** A test or a class-level configuration method of a suite run here ended: its time is kept. */
  void record(IInvokedMethod method, ITestResult result) {
    if (measuredHere.isEmpty()) {
      return;
    }
    Durations durations = measuredHere.get(result.getTestContext().getSuite());
    if (durations != null && (method.isTestMethod() || Planner.isClassOrMethodLevel(result.getMethod()))) {
      durations.record(Planner.key(result.getMethod()), result.getEndMillis() - result.getStartMillis());
    }
  }

  /** Writes the files of suites run here, but {@code runs} (the distributed run's, which it writes as it closes). */
  void writeAllBut(Durations runs) {
    synchronized (byFile) {
      byFile.forEach((file, durations) -> {
        if (measuredHere.containsValue(durations) && durations != runs) {
          durations.writeOrWarn(file, System.err);
        }
      });
    }
  }
}
