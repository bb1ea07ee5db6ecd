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
  /**
   * Invocations a worker started and has not finished, by {@link #invocation} (method instance and
   * row: rows of a spread unit run at once): listeners heard of their start.
   */
  private final Map<String, ITestResult> started = new HashMap<>();
  /** For each unit that spreads its rows, the unit whose row claims it shares (its own id, or a lost one's). */
  private final Map<Integer, Integer> rowsOf = new HashMap<>();
  private final Map<Integer, SpreadRows> spreadRows = new HashMap<>();
  /** Spread units whose worker went through every row: done once each row has its result. */
  private final Set<Integer> waitingForRows = new HashSet<>();
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
      if (planned.get(i).spreadsRows()) {
        rowsOf.put(firstUnitId + i, firstUnitId + i);
        spreadRows.put(firstUnitId + i, new SpreadRows());
      }
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

  /**
   * Adds a unit that goes back on the queue: what a dead worker held in {@code lostUnitId} and had
   * not started; a spread unit's rows that nobody has claimed.
   */
  void requeue(int unitId, PlannedUnit unit, int lostUnitId) {
    units.put(unitId, unit);
    pending.add(unitId);
    requeued.add(unitId);
    if (unit.spreadsRows()) {
      rowsOf.put(unitId, rowsOf(lostUnitId));
    }
  }

  /** The unit whose row claims this unit shares, or -1 if it does not spread its rows. */
  int rowsOf(int unitId) {
    return rowsOf.getOrDefault(unitId, -1);
  }

  /** Units that spread their rows and are not done, by id. */
  List<Integer> spreadUnitsNotDone() {
    return rowsOf.keySet().stream().filter(u -> !isDone(u)).toList();
  }

  /** Whether this row of these shared rows has its result. */
  boolean rowFinished(int rowsOf, int row) {
    return spreadRows.get(rowsOf).isFinished(row);
  }

  /**
   * A worker finished a unit. A planned method with no result (and no data provider, which may
   * legitimately yield no rows) is reported failed: nothing is lost silently.
   */
  void unitDone(int unitId, int rows, String host) {
    if (isDone(unitId)) {
      return;
    }
    int shared = rowsOf(unitId);
    if (shared >= 0) { // its rows may still be running in other workers
      if (rows >= 0) {
        spreadRows.get(shared).counted(rows);
        waitingForRows.add(unitId);
        completeRows(shared);
      } else {
        pending.remove(unitId); // its worker never went through the rows (its data provider failed, or it was skipped)
      }
      return;
    }
    long now = System.currentTimeMillis();
    forEachInstance(units.get(unitId), (m, key) -> {
      if (startedInvocation(key) != null || (!reported.contains(key) && !m.isDataDriven() && m.getInvocationCount() > 0)) {
        String why = host + " ended its unit without running " + Planner.key(m) + " (a testng-mproc bug: please report it)";
        report(m, startedInvocation(key), ITestResult.FAILURE, new IllegalStateException(why), now, host);
      }
    });
    pending.remove(unitId);
  }

  /**
   * The worker of a spread unit was lost: if the rows had been counted ({@code rows}, from the claims:
   * some worker went through them all), the unit is done once each has its result, as if its worker
   * had finished; otherwise it ends now, and its rows that nobody claimed go back on the queue or are lost.
   */
  void spreadUnitLost(int unitId, int rows) {
    if (rows >= 0) {
      unitDone(unitId, rows, "mproc");
    } else {
      pending.remove(unitId);
    }
  }

  /** A lost worker's spread unit whose rows nobody went through: one skip stands for the rows nobody claimed. */
  void unclaimedRowsLost(int unitId, String why) {
    ITestNGMethod m = units.get(unitId).methods().get(0);
    String reason = why.replaceFirst(" while running .*", "") + " before it went through the rows of " + Planner.key(m)
        + "; the rows nobody had claimed never ran, and this one skip stands for them";
    long now = System.currentTimeMillis();
    report(m, null, ITestResult.SKIP, new WorkerLostException(reason), now, "mproc");
  }

  private void completeRows(int shared) {
    if (spreadRows.get(shared).allFinished()) {
      waitingForRows.removeIf(u -> rowsOf(u) == shared && pending.remove(u));
    }
  }

  /**
   * A row of a spread unit that a lost worker had claimed and not finished: its invocation fails
   * with the reason if it had started, otherwise it is skipped, as a test whose {@code @BeforeMethod}
   * did not end.
   */
  void rowLost(int rowsOf, int row, String why, String host) {
    ITestNGMethod m = units.get(rowsOf).methods().get(0);
    String instance = Planner.key(m) + "#0";
    ITestResult inFlight = started.remove(invocation(instance, row));
    long now = System.currentTimeMillis();
    results++;
    reported.add(instance);
    if (inFlight != null) {
      replay.finish(inFlight, ITestResult.FAILURE, inFlight.getParameters(), new WorkerLostException(why), now, false, List.of());
    } else {
      String reason = why.replaceFirst(" while running .*", "") + " before running row " + row + " of " + Planner.key(m);
      replay.test(m, ITestResult.SKIP, new Object[0], row, new WorkerLostException(reason), now, now, false, List.of(), host);
    }
    spreadRows.get(rowsOf).finished(row);
    completeRows(rowsOf);
  }

  /** A worker started a test invocation: listeners hear of it now, and of its end when its outcome comes. */
  void testStarted(TestStarted s, String host) {
    String key = s.className() + "." + s.methodName() + "#" + s.instanceOrdinal();
    ITestNGMethod method = planned(key);
    started.put(invocation(key, s.parameterIndex()), replay.start(method, Values.decode(s.parameters()), s.parameterIndex(), s.startMillis(), host));
  }

  void testOutcome(TestOutcome o, String host) {
    String key = o.className() + "." + o.methodName() + "#" + o.instanceOrdinal();
    ITestNGMethod method = planned(key);
    reported.add(key);
    results++;
    durations.record(Planner.key(method), o.endMillis() - o.startMillis());
    Object[] parameters = Values.decode(o.parameters());
    ITestResult result = started.remove(invocation(key, o.parameterIndex()));
    if (result == null) { // TestNG reports a data provider's failure without a start
      result = replay.unstarted(method, parameters, o.parameterIndex(), o.startMillis(), host);
    }
    replay.finish(result, o.status(), parameters, Throwables.decode(o.throwable()), o.endMillis(), o.wasRetried(), o.output());
    int shared = rowsOf(o.unitId());
    if (shared >= 0 && !o.wasRetried() && o.parameterIndex() >= 0) { // -1: a data provider's failure
      spreadRows.get(shared).finished(o.parameterIndex());
      completeRows(shared);
    }
  }

  /** An invocation's key in {@link #started}: its method instance's and its row's. */
  private static String invocation(String instanceKey, int parameterIndex) {
    return instanceKey + "@" + parameterIndex;
  }

  /** An invocation of this method instance a worker started and has not finished, or null. */
  private String startedInvocation(String instanceKey) {
    String prefix = instanceKey + "@";
    for (String k : started.keySet()) {
      if (k.startsWith(prefix)) {
        return k;
      }
    }
    return null;
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
    String failInvocation = failKey == null ? null : invocation(failKey, inFlight.parameterIndex());
    if (inFlightKey != null) {
      ran.add(inFlightKey);
    }
    List<ITestNGMethod> notStarted = new ArrayList<>();
    long now = System.currentTimeMillis();
    forEachInstance(unit, (m, key) -> {
      String method = Planner.key(m);
      if (key.equals(failKey)) {
        report(m, started.containsKey(failInvocation) ? failInvocation : null, ITestResult.FAILURE, new WorkerLostException(why), now, host);
        return;
      }
      if (startedInvocation(key) != null) { // in flight, with nobody to blame (an interrupted run): not finished, so skipped
        for (String invocation = startedInvocation(key); invocation != null; invocation = startedInvocation(key)) {
          report(m, invocation, ITestResult.SKIP,
              new WorkerLostException(why.replaceFirst(" while running .*", "") + " while running " + method), now, host);
        }
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
        report(m, null, ITestResult.SKIP, new WorkerLostException(reason), now, host);
      }
    });
    pending.remove(unitId);
    return notStarted;
  }

  /**
   * A result the parent gives: it ends the invocation the worker had started, if any (listeners heard
   * of its start), as that test's one result; otherwise one is started and ended now.
   */
  private void report(ITestNGMethod m, String invocation, int status, Throwable why, long now, String host) {
    results++;
    ITestResult inFlight = invocation == null ? null : started.remove(invocation);
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
