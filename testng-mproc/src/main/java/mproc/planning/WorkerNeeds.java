package mproc.planning;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.testng.ITestClass;
import org.testng.ITestNGMethod;

/**
 * How much work a {@code <test>} is, from earlier runs' {@link Durations}, against what a worker
 * costs to start: whether a suite is worth any worker, and how many workers its units repay.
 */
public final class WorkerNeeds {
  private WorkerNeeds() {}

  /** What starting one more worker costs, measured on a 2-core machine (JVM, Chronicle, TestNG's first run). */
  public static final long WORKER_START_MILLIS = 1_000;

  /**
   * Whether work of this {@link #measuredMillis} is worth even one worker: not when it was measured
   * and took less than starting a worker costs. Then it is done sooner in the parent, one method
   * after another, as plain TestNG would.
   */
  public static boolean worthAWorker(long measuredMillis) {
    return measuredMillis < 0 || measuredMillis >= WORKER_START_MILLIS;
  }

  /**
   * What these test methods took in earlier runs, with the method-, class- and group-level
   * configuration of their classes (a costly {@code @BeforeClass} is work too); -1 when fewer than
   * 90 % of the tests were measured. An unmeasured test counts as the median.
   */
  public static long measuredMillis(Collection<ITestNGMethod> methods, Durations durations) {
    Set<String> keys = Planner.keysOf(methods);
    if (keys.isEmpty() || durations.coverage(keys) < 0.9) {
      return -1;
    }
    return durations.expected(keys, durations.median(keys)) + configurationMillis(methods, durations);
  }

  /**
   * What the method-, class- and group-level configuration of these methods' classes took in earlier
   * runs. Once per class: a {@code @SplitClass} runs its class configuration in each worker that joins
   * it, so for it this is an estimate on the low side.
   */
  private static long configurationMillis(Collection<ITestNGMethod> methods, Durations durations) {
    Set<ITestClass> classes = new HashSet<>();
    Set<String> configuration = new HashSet<>();
    for (ITestNGMethod test : methods) {
      ITestClass c = test.getTestClass();
      if (c == null || !classes.add(c)) {
        continue;
      }
      for (ITestNGMethod[] ms : List.of(c.getBeforeClassMethods(), c.getAfterClassMethods(), c.getBeforeTestMethods(),
          c.getAfterTestMethods(), c.getBeforeGroupsMethods(), c.getAfterGroupsMethods())) {
        for (ITestNGMethod m : ms) {
          configuration.add(Planner.key(m));
        }
      }
    }
    return durations.expected(configuration, 0);
  }

  /**
   * How many workers this work can repay, each costing {@code workerStartMillis} to start. When
   * earlier runs measured (nearly) every test: no more than the expected work, configuration
   * included, divided by that cost (2,000 empty tests get one worker, 10 s of tests ten). And the
   * time of empty tests is TestNG's own work on a processor, which more JVMs than {@code processors}
   * only share, each paying its start-up: beyond the processors, only the other work (tests that
   * may wait rather than compute, and configuration) repays workers, no more of them than it can
   * keep busy until its longest unit ends. On a first run, one per unit. A unit that spreads its rows
   * counts as one per processor: its rows are work for several workers, and their end is not bound
   * by the unit's length.
   */
  public static int workersWorthStarting(List<PlannedUnit> units, Durations durations, long workerStartMillis, int processors) {
    List<ITestNGMethod> methods = units.stream().flatMap(u -> u.methods().stream()).toList();
    long tests = 0;
    long notEmpty = 0;
    long longest = 0;
    int slots = 0;
    for (PlannedUnit u : units) {
      tests += u.expectedMillis();
      slots += u.spreadsRows() ? Math.max(1, processors) : 1;
      if (u.expectedMillis() >= EMPTY_TEST_MILLIS * u.methods().size()) {
        notEmpty += u.expectedMillis();
        longest = Math.max(longest, u.spreadsRows() ? 0 : u.expectedMillis());
      }
    }
    if (durations.coverage(Planner.keysOf(methods)) < 0.9) {
      return slots;
    }
    long configuration = configurationMillis(methods, durations);
    long worth = Math.max(1, Math.min(slots, ceilDiv(tests + configuration, workerStartMillis)));
    // A unit keeps one worker busy: no schedule of this work ends before its longest unit, and
    // work / longest workers reach that end, e.g. one of 10 s and ten of 1 s: two.
    long forTheOtherWork = ceilDiv(notEmpty, Math.max(longest, workerStartMillis)) + ceilDiv(configuration, workerStartMillis);
    return (int) Math.min(worth, Math.max(Math.max(1, processors), forTheOtherWork));
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  /** Below this per method a measured unit is as good as empty: TestNG's milliseconds, at millisecond resolution. */
  public static final long EMPTY_TEST_MILLIS = 2;
}
