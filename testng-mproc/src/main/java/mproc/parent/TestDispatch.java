package mproc.parent;

import java.util.HashMap;
import java.util.HashSet;
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
 * One {@code <test>} in flight: its units by id, the parent's method for each result, which units
 * are done, and the replay of results into the test's context.
 */
final class TestDispatch {
  final int testId;
  final ITestContext context;
  final List<PlannedUnit> units;
  final int firstUnitId;
  final ConfigurationMethods configurations;
  private final ResultReplay replay;
  private final Map<String, ITestNGMethod> methodsByKey = new HashMap<>();
  private final Set<String> reported = new HashSet<>();
  private final boolean[] done;
  private int doneCount;
  int results;

  private final Durations durations;

  TestDispatch(int testId, ITestContext context, List<PlannedUnit> units, int firstUnitId, Durations durations) {
    this.durations = durations;
    this.testId = testId;
    this.context = context;
    this.units = units;
    this.firstUnitId = firstUnitId;
    this.configurations = new ConfigurationMethods(context);
    this.replay = new ResultReplay(context);
    this.done = new boolean[units.size()];
    for (PlannedUnit unit : units) {
      Map<String, Integer> ordinals = new HashMap<>();
      for (ITestNGMethod m : unit.methods()) {
        String key = Planner.key(m);
        int ordinal = ordinals.merge(key, 1, Integer::sum) - 1;
        methodsByKey.put(key + "#" + ordinal, m);
      }
    }
  }

  boolean complete() {
    return doneCount == units.size();
  }

  boolean owns(int unitId) {
    return unitId >= firstUnitId && unitId < firstUnitId + units.size();
  }

  /**
   * A worker finished a unit. A planned method with no result (and no data provider, which may
   * legitimately yield no rows) is reported failed: nothing is lost silently.
   */
  void unitDone(int unitId, String host) {
    if (isDone(unitId)) {
      return;
    }
    Map<String, Integer> ordinals = new HashMap<>();
    long now = System.currentTimeMillis();
    for (ITestNGMethod m : units.get(unitId - firstUnitId).methods()) {
      String key = Planner.key(m);
      int ordinal = ordinals.merge(key, 1, Integer::sum) - 1;
      if (!reported.contains(key + "#" + ordinal) && m.getDataProviderMethod() == null && m.getInvocationCount() > 0) {
        String why = host + " ended its unit without running " + key + " (a testng-mproc bug: please report it)";
        results++;
        replay.test(m, ITestResult.FAILURE, new Object[0], 0, new IllegalStateException(why), now, now, false, List.of(), host);
      }
    }
    markDone(unitId);
  }

  private void markDone(int unitId) {
    int i = unitId - firstUnitId;
    if (!done[i]) {
      done[i] = true;
      doneCount++;
    }
  }


  boolean isDone(int unitId) {
    return done[unitId - firstUnitId];
  }

  void testOutcome(TestOutcome o, String host) {
    String key = o.className() + "." + o.methodName() + "#" + o.instanceOrdinal();
    ITestNGMethod method = methodsByKey.get(key);
    if (method == null) {
      throw new IllegalStateException("a worker reported a test the parent did not plan: " + key);
    }
    reported.add(key);
    results++;
    durations.record(Planner.key(method), o.endMillis() - o.startMillis());
    replay.test(
        method,
        o.status(),
        Values.decode(o.parameters()),
        o.parameterIndex(),
        Throwables.decode(o.throwable()),
        o.startMillis(),
        o.endMillis(),
        o.wasRetried(),
        o.output(),
        host);
  }

  void configOutcome(ConfigOutcome o, String host) {
    ITestNGMethod method = configurations.find(o.className(), o.methodName());
    if (method == null) {
      throw new IllegalStateException(
          "a worker reported a configuration method the parent does not know: " + o.className() + "." + o.methodName());
    }
    replay.configuration(method, o.status(), Throwables.decode(o.throwable()), o.startMillis(), o.endMillis(), host);
  }

  /**
   * Ends a unit whose worker died: the test in flight fails with {@code why}; the unit's tests that
   * had not reported are skipped with it.
   */
  void abandon(int unitId, TestStarted inFlight, String why, String host) {
    PlannedUnit unit = units.get(unitId - firstUnitId);
    String inFlightKey =
        inFlight != null && inFlight.unitId() == unitId ? inFlight.className() + "." + inFlight.methodName() : null;
    Map<String, Integer> ordinals = new HashMap<>();
    long now = System.currentTimeMillis();
    for (ITestNGMethod m : unit.methods()) {
      String key = Planner.key(m);
      int ordinal = ordinals.merge(key, 1, Integer::sum) - 1;
      boolean inFlightHere = key.equals(inFlightKey);
      if (!inFlightHere && reported.contains(key + "#" + ordinal)) {
        continue;
      }
      int status = inFlightHere ? ITestResult.FAILURE : ITestResult.SKIP;
      String message = inFlightHere ? why : why.replaceFirst(" while running .*", "") + " before running " + key;
      results++;
      replay.test(m, status, new Object[0], 0, new WorkerLostException(message), now, now, false, List.of(), host);
      reported.add(key + "#" + ordinal);
    }
    markDone(unitId);
  }
}
