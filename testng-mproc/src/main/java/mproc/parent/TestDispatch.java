package mproc.parent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mproc.planning.Durations;
import mproc.planning.Planner;
import mproc.planning.PlannedUnit;
import mproc.reporting.Throwables;
import mproc.reporting.Values;
import mproc.testng.ConfigurationMethods;
import mproc.testng.ResultReplay;
import mproc.transport.Message.ConfigOutcome;
import mproc.transport.Message.TestOutcome;
import mproc.transport.Message.TestStarted;
import org.testng.ITestContext;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;

/**
 * One {@code <test>} in flight: its units by id (those planned, and those put back on the queue
 * after a worker died), the parent's method for each result, which units are done, and the replay
 * of results into the test's context.
 */
final class TestDispatch {
  final int testId;
  final ITestContext context;
  final ConfigurationMethods configurations;
  private final ResultReplay replay;
  private final Durations durations;
  private final Map<Integer, PlannedUnit> units = new LinkedHashMap<>();
  private final Set<Integer> pending = new HashSet<>();
  private final Set<Integer> requeued = new HashSet<>();
  private final Map<String, ITestNGMethod> methodsByKey = new HashMap<>();
  private final Set<String> reported = new HashSet<>();
  /** Invocations a worker started and has not finished, by method instance key: listeners heard of their start. */
  private final Map<String, ITestResult> started = new HashMap<>();
  int results;

  TestDispatch(int testId, ITestContext context, List<PlannedUnit> planned, int firstUnitId, Durations durations) {
    this.testId = testId;
    this.context = context;
    this.durations = durations;
    this.configurations = new ConfigurationMethods(context);
    this.replay = new ResultReplay(context);
    for (int i = 0; i < planned.size(); i++) {
      units.put(firstUnitId + i, planned.get(i));
      pending.add(firstUnitId + i);
      forEachInstance(planned.get(i), (m, key) -> methodsByKey.put(key, m));
    }
  }

  /** Every unit of the test by id, in dispatch order (requeued ones last). */
  Map<Integer, PlannedUnit> units() {
    return Collections.unmodifiableMap(units);
  }

  boolean complete() {
    return pending.isEmpty();
  }

  boolean owns(int unitId) {
    return units.containsKey(unitId);
  }

  boolean isDone(int unitId) {
    return !pending.contains(unitId);
  }

  boolean wasRequeued(int unitId) {
    return requeued.contains(unitId);
  }

  /** Adds a unit that goes back on the queue: what a dead worker held and had not started. */
  void requeue(int unitId, PlannedUnit unit) {
    units.put(unitId, unit);
    pending.add(unitId);
    requeued.add(unitId);
  }

  /**
   * A worker finished a unit. A planned method with no result (and no data provider, which may
   * legitimately yield no rows) is reported failed: nothing is lost silently.
   */
  void unitDone(int unitId, String host) {
    if (isDone(unitId)) {
      return;
    }
    long now = System.currentTimeMillis();
    forEachInstance(units.get(unitId), (m, key) -> {
      if (started.containsKey(key) || (!reported.contains(key) && !m.isDataDriven() && m.getInvocationCount() > 0)) {
        String why = host + " ended its unit without running " + Planner.key(m) + " (a testng-mproc bug: please report it)";
        report(m, key, ITestResult.FAILURE, new IllegalStateException(why), now, host);
      }
    });
    pending.remove(unitId);
  }

  /** A worker started a test invocation: listeners hear of it now, and of its end when its outcome comes. */
  void testStarted(TestStarted s, String host) {
    String key = s.className() + "." + s.methodName() + "#" + s.instanceOrdinal();
    ITestNGMethod method = planned(key);
    started.put(key, replay.start(method, Values.decode(s.parameters()), s.parameterIndex(), s.startMillis(), host));
  }

  void testOutcome(TestOutcome o, String host) {
    String key = o.className() + "." + o.methodName() + "#" + o.instanceOrdinal();
    ITestNGMethod method = planned(key);
    reported.add(key);
    results++;
    durations.record(Planner.key(method), o.endMillis() - o.startMillis());
    Object[] parameters = Values.decode(o.parameters());
    ITestResult result = started.remove(key);
    if (result == null) { // TestNG reports a data provider's failure without a start
      result = replay.unstarted(method, parameters, o.parameterIndex(), o.startMillis(), host);
    }
    replay.finish(result, o.status(), parameters, Throwables.decode(o.throwable()), o.endMillis(), o.wasRetried(), o.output());
  }

  private ITestNGMethod planned(String key) {
    ITestNGMethod method = methodsByKey.get(key);
    if (method == null) {
      throw new IllegalStateException("a worker reported a test the parent did not plan: " + key);
    }
    return method;
  }

  /**
   * A worker was lost (stopped or dead) while running this configuration method: it failed, with the
   * reason, as it would have had it thrown.
   */
  void configurationLost(String className, String methodName, String why, String host) {
    ITestNGMethod method = configurations.find(className, methodName);
    if (method != null) { // a suite- or test-level one that another worker has reported is known too
      long now = System.currentTimeMillis();
      replay.configuration(method, ITestResult.FAILURE, new WorkerLostException(why), now, now, host);
    }
  }

  void configOutcome(ConfigOutcome o, String host) {
    ITestNGMethod method = configurations.find(o.className(), o.methodName());
    if (method == null) {
      throw new IllegalStateException(
          "a worker reported a configuration method the parent does not know: " + o.className() + "." + o.methodName());
    }
    replay.configuration(method, o.status(), Throwables.decode(o.throwable()), o.startMillis(), o.endMillis(), host);
    durations.record(Planner.key(method), o.endMillis() - o.startMillis()); // a costly @BeforeClass is work too
  }

  /**
   * Ends a unit whose worker died: the invocation in flight fails with {@code why}, also when earlier
   * rows or invocations of its method have their results. Methods that have no
   * result at all are returned, to go back on the queue, if {@code requeue}; otherwise they are
   * skipped with the reason.
   */
  List<ITestNGMethod> abandon(int unitId, TestStarted inFlight, String why, String host, boolean requeue) {
    String inFlightKey =
        inFlight != null && inFlight.unitId() == unitId ? inFlight.className() + "." + inFlight.methodName() : null;
    Set<String> ran = new HashSet<>();
    reported.forEach(k -> ran.add(k.substring(0, k.lastIndexOf('#'))));
    started.keySet().forEach(k -> ran.add(k.substring(0, k.lastIndexOf('#'))));
    PlannedUnit unit = units.get(unitId);
    String failKey = inFlightKey == null ? null : inFlightKey + "#" + inFlight.instanceOrdinal();
    if (inFlightKey != null) {
      ran.add(inFlightKey);
    }
    List<ITestNGMethod> notStarted = new ArrayList<>();
    long now = System.currentTimeMillis();
    forEachInstance(unit, (m, key) -> {
      String method = Planner.key(m);
      if (key.equals(failKey)) {
        report(m, key, ITestResult.FAILURE, new WorkerLostException(why), now, host);
        return;
      }
      if (started.containsKey(key)) { // in flight, with nobody to blame (an interrupted run): not finished, so skipped
        report(m, key, ITestResult.SKIP, new WorkerLostException(why.replaceFirst(" while running .*", "") + " while running " + method), now, host);
        return;
      }
      if (reported.contains(key)) {
        return; // it has its result
      }
      String lostUpstream = Planner.upstreamAmong(m, unit.methods(), ran);
      if (requeue && !ran.contains(method) && lostUpstream == null) {
        notStarted.add(m);
      } else {
        String reason = why.replaceFirst(" while running .*", "") + " before running " + method
            + (lostUpstream == null ? "" : ", which depends on " + lostUpstream + " (run by that worker; it runs once)")
            // Its rows are not known without calling the data provider, which runs only in workers.
            + (m.isDataDriven() ? "; its data provider was never called, so this one skip stands for all its rows" : "");
        report(m, key, ITestResult.SKIP, new WorkerLostException(reason), now, host);
      }
    });
    pending.remove(unitId);
    return notStarted;
  }

  /**
   * A result the parent gives: it ends the invocation the worker had started, if any (listeners heard
   * of its start), as that test's one result; otherwise one is started and ended now.
   */
  private void report(ITestNGMethod m, String key, int status, Throwable why, long now, String host) {
    results++;
    ITestResult inFlight = started.remove(key);
    if (inFlight != null) {
      replay.finish(inFlight, status, inFlight.getParameters(), why, now, false, List.of());
    } else {
      replay.test(m, status, new Object[0], 0, why, now, now, false, List.of(), host);
    }
  }

  /** Calls {@code action} with each method instance of the unit and its key (class.method#ordinal). */
  private static void forEachInstance(PlannedUnit unit, java.util.function.BiConsumer<ITestNGMethod, String> action) {
    Map<String, Integer> ordinals = new HashMap<>();
    for (ITestNGMethod m : unit.methods()) {
      String key = Planner.key(m);
      int ordinal = ordinals.merge(key, 1, Integer::sum) - 1;
      action.accept(m, key + "#" + ordinal);
    }
  }
}
