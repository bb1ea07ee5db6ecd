package mproc.parent;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mproc.testng.ResultReplay;
import org.testng.ITestContext;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;

/**
 * A {@code <test>}'s invocations as the parent replays them into its context: those a worker started
 * and has not finished (listeners heard of their start), the method instances that have a result,
 * and how many results there were. Each invocation ends as exactly one result.
 */
final class Invocations {
  /** An invocation: a method instance's id and its row (0 without a data provider). */
  record Invocation(int instance, int row) {}

  private final ResultReplay replay;
  /**
   * Started and not finished, oldest first: the invocations of a method with a {@code threadPoolSize}
   * run at once with the same instance and row, and each start gets one end.
   */
  private final Map<Invocation, ArrayDeque<ITestResult>> started = new HashMap<>();
  /** Each invocation's latest result from a worker: a {@code StatusChanged} that follows it applies to it. */
  private final Map<Invocation, ITestResult> finished = new HashMap<>();
  /** Status changes whose outcome waits to be replayed (a spread row behind an earlier one). */
  private final Map<Invocation, Integer> changedBeforeFinish = new HashMap<>();
  /** Method instances with a result. */
  private final Set<Integer> reported = new HashSet<>();
  private int results;

  Invocations(ITestContext context) {
    this.replay = new ResultReplay(context);
  }

  int results() {
    return results;
  }

  boolean hasResult(int instance) {
    return reported.contains(instance);
  }

  Set<Integer> instancesWithResults() {
    return Collections.unmodifiableSet(reported);
  }

  Set<Invocation> inFlight() {
    return Collections.unmodifiableSet(started.keySet());
  }

  boolean inFlight(Invocation invocation) {
    return started.containsKey(invocation);
  }

  /** The oldest start of this invocation not yet ended, or null. */
  private ITestResult end(Invocation invocation) {
    ArrayDeque<ITestResult> starts = started.get(invocation);
    if (starts == null) {
      return null;
    }
    ITestResult oldest = starts.poll();
    if (starts.isEmpty()) {
      started.remove(invocation);
    }
    return oldest;
  }

  /** An invocation of this method instance a worker started and has not finished, or null. */
  Invocation inFlight(int instance) {
    for (Invocation i : started.keySet()) {
      if (i.instance() == instance) {
        return i;
      }
    }
    return null;
  }

  /** A worker started it: listeners hear of it now, and of its end when its outcome comes. */
  void start(ITestNGMethod method, int instance, int row, Object[] parameters, long startMillis, String host) {
    started.computeIfAbsent(new Invocation(instance, row), i -> new ArrayDeque<>())
        .add(replay.start(method, parameters, row, startMillis, host));
  }

  /** Its worker's outcome, as that invocation's one result. */
  void finish(ITestNGMethod method, int instance, int row, int status, Object[] parameters, Throwable throwable, long startMillis,
      long endMillis, boolean wasRetried, List<String> output, String host) {
    reported.add(instance);
    results++;
    ITestResult result = end(new Invocation(instance, row));
    if (result == null) { // TestNG reports a data provider's failure without a start
      result = replay.unstarted(method, parameters, row, startMillis, host);
    }
    replay.finish(result, status, parameters, throwable, endMillis, wasRetried, output);
    Invocation invocation = new Invocation(instance, row);
    finished.put(invocation, result);
    Integer changed = changedBeforeFinish.remove(invocation);
    if (changed != null) {
      result.setStatus(changed);
    }
  }

  /**
   * The worker's TestNG saw the result's status change after its listeners heard it (an {@code
   * @AfterMethod} set it): so does this one. The listeners here heard the first status, as
   * sequentially; the reports read the new one.
   */
  void statusChanged(int instance, int row, int status) {
    Invocation invocation = new Invocation(instance, row);
    ITestResult result = finished.get(invocation);
    if (result != null) {
      result.setStatus(status);
    } else {
      changedBeforeFinish.put(invocation, status);
    }
  }

  /**
   * A result the parent gives: it ends the invocation the worker had started, if any (listeners heard
   * of its start), as that test's one result; otherwise one is started and ended now.
   */
  void report(ITestNGMethod m, Invocation invocation, int status, Throwable why, long now, String host) {
    results++;
    ITestResult inFlight = invocation == null ? null : end(invocation);
    if (inFlight != null) {
      replay.finish(inFlight, status, inFlight.getParameters(), why, now, false, List.of());
    } else {
      replay.test(m, status, new Object[0], 0, why, now, now, false, List.of(), host);
    }
  }

  /**
   * A row a lost worker had claimed and not finished: its invocation fails with {@code failure} if
   * it had started, otherwise it is skipped with {@code skip}, as a test whose {@code @BeforeMethod} did not end.
   */
  void rowLost(ITestNGMethod m, int instance, int row, Throwable failure, Throwable skip, long now, String host) {
    reported.add(instance);
    Invocation invocation = new Invocation(instance, row);
    if (started.containsKey(invocation)) {
      report(m, invocation, ITestResult.FAILURE, failure, now, host);
    } else {
      results++;
      replay.test(m, ITestResult.SKIP, new Object[0], row, skip, now, now, false, List.of(), host);
    }
  }

  void configuration(ITestNGMethod method, int status, Throwable throwable, long startMillis, long endMillis, String host,
      Object[] parameters, List<String> output) {
    replay.configuration(method, status, throwable, startMillis, endMillis, host, parameters, output);
  }
}
