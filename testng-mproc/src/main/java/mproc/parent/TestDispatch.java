package mproc.parent;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mproc.parent.Invocations.Invocation;
import mproc.planning.Durations;
import mproc.planning.Planner;
import mproc.planning.PlannedUnit;
import mproc.reporting.Throwables;
import mproc.reporting.Values;
import mproc.testng.ConfigurationMethods;
import mproc.transport.Message.ConfigOutcome;
import mproc.transport.Message.MethodRef;
import mproc.transport.Message.StatusChanged;
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
  private final Durations durations;
  private final Map<Integer, PlannedUnit> units = new LinkedHashMap<>();
  private final Set<Integer> pending = new HashSet<>();
  private final Set<Integer> requeued = new HashSet<>();
  private final MethodInstances instances = new MethodInstances();
  /** Rows of a spread unit run at once: several invocations of one method may be in flight. */
  private final Invocations invocations;
  private final SpreadUnits spread;

  TestDispatch(int testId, ITestContext context, List<PlannedUnit> planned, int firstUnitId, Durations durations,
      java.util.function.BiPredicate<Integer, Integer> passedOver) {
    this.spread = new SpreadUnits(passedOver);
    this.testId = testId;
    this.context = context;
    this.durations = durations;
    this.configurations = new ConfigurationMethods(context);
    this.invocations = new Invocations(context);
    for (int i = 0; i < planned.size(); i++) {
      units.put(firstUnitId + i, planned.get(i));
      pending.add(firstUnitId + i);
      if (planned.get(i).spreadsRows()) {
        spread.add(firstUnitId + i);
      }
      instances.add(planned.get(i));
    }
  }

  /** How many results were replayed. */
  int results() {
    return invocations.results();
  }

  /** Every unit of the test by id, in dispatch order (requeued ones last). */
  Map<Integer, PlannedUnit> units() {
    return Collections.unmodifiableMap(units);
  }

  /** How a unit's methods go on the wire: each with its instances' ids, in TestNG's order. */
  List<MethodRef> methodRefs(PlannedUnit unit) {
    return instances.refs(unit);
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
      spread.requeued(unitId, lostUnitId);
    }
  }

  /** The unit whose row claims this unit shares, or -1 if it does not spread its rows. */
  int rowsOf(int unitId) {
    return spread.rowsOf(unitId);
  }

  /** Units that spread their rows and are not done, by id. */
  List<Integer> spreadUnitsNotDone() {
    return spread.units().stream().filter(u -> !isDone(u)).toList();
  }

  /** Whether this row of these shared rows has its result (replayed, or waiting for an earlier row's). */
  boolean rowHasResult(int rowsOf, int row) {
    return spread.hasResult(rowsOf, row);
  }

  /**
   * A worker finished a unit. A planned method with no result (and no data provider, which may
   * legitimately yield no rows) is reported failed: nothing is lost silently. A unit that spreads
   * its rows is done once each row has its result, if its worker counted them ({@code rows}).
   */
  void unitDone(int unitId, int rows, String host) {
    if (isDone(unitId)) {
      return;
    }
    if (rowsOf(unitId) >= 0) { // its rows may still be running in other workers
      if (rows >= 0) {
        pending.removeAll(spread.counted(unitId, rows));
      } else { // its worker never went through the rows (its data provider failed, or it was skipped)
        spread.flush(rowsOf(unitId));
        pending.remove(unitId);
      }
      return;
    }
    long now = System.currentTimeMillis();
    for (ITestNGMethod m : units.get(unitId).methods()) {
      int id = instances.id(m);
      Invocation inFlight = invocations.inFlight(id);
      if (inFlight != null || (!invocations.hasResult(id) && !m.isDataDriven() && m.getInvocationCount() > 0)) {
        String why = host + " ended its unit without running " + Planner.key(m) + " (a testng-mproc bug: please report it)";
        invocations.report(m, inFlight, ITestResult.FAILURE, new IllegalStateException(why), now, host);
      }
    }
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
      pending.remove(unitId); // its rows go on in a requeued unit, or are lost (unclaimedRowsLost)
    }
  }

  /** A lost worker's spread unit whose rows nobody went through: one skip stands for the rows nobody claimed. */
  void unclaimedRowsLost(int unitId, String why) {
    spread.flush(rowsOf(unitId));
    ITestNGMethod m = units.get(unitId).methods().get(0);
    String reason = why.replaceFirst(" while running .*", "") + " before it went through the rows of " + Planner.key(m)
        + "; the rows nobody had claimed never ran, and this one skip stands for them";
    invocations.report(m, null, ITestResult.SKIP, new WorkerLostException(reason), System.currentTimeMillis(), "mproc");
  }

  /**
   * A row of a spread unit that a lost worker had claimed and not finished: its invocation fails
   * with the reason if it had started, otherwise it is skipped, as a test whose {@code @BeforeMethod}
   * did not end.
   */
  void rowLost(int rowsOf, int row, String why, String host) {
    ITestNGMethod m = units.get(rowsOf).methods().get(0);
    int id = instances.id(m);
    long now = System.currentTimeMillis();
    String reason = why.replaceFirst(" while running .*", "") + " before running row " + row + " of " + Planner.key(m);
    inRowOrder(rowsOf, row, true,
        () -> invocations.rowLost(m, id, row, new WorkerLostException(why), new WorkerLostException(reason), now, host));
  }

  /** A worker started a test invocation: listeners hear of it now, and of its end when its outcome comes. */
  void testStarted(TestStarted s, String host) {
    ITestNGMethod method = instances.planned(s.instance(), s.className(), s.methodName());
    Runnable start = () -> invocations.start(method, s.instance(), s.parameterIndex(), Values.decode(s.parameters()), s.startMillis(), host);
    inRowOrder(s.unitId(), s.parameterIndex(), false, start);
  }

  void testOutcome(TestOutcome o, String host) {
    ITestNGMethod method = instances.planned(o.instance(), o.className(), o.methodName());
    Runnable outcome = () -> {
      durations.record(Planner.key(method), o.endMillis() - o.startMillis());
      invocations.finish(method, o.instance(), o.parameterIndex(), o.status(), Values.decode(o.parameters()),
          Throwables.decode(o.throwable()), o.startMillis(), o.endMillis(), o.wasRetried(), o.output(), host);
      if (o.failedInvocation() >= 0) {
        method.addFailedInvocationNumber(o.failedInvocation()); // as the worker's TestNG did: testng-failed.xml lists it
      }
    };
    inRowOrder(o.unitId(), o.parameterIndex(), !o.wasRetried(), outcome);
  }

  /** A result's status changed in its worker after the outcome was sent; its outcome may still wait for earlier rows. */
  void statusChanged(StatusChanged changed) {
    invocations.statusChanged(changed.instance(), changed.parameterIndex(), changed.status());
  }

  /**
   * Replays an event now or, for a row of a unit that spreads its rows, once every earlier row has its
   * result ({@link SpreadUnits}); {@code last}: it is the row's result. Row -1 is a data provider's
   * failure, not a row.
   */
  private void inRowOrder(int unitId, int row, boolean last, Runnable replay) {
    int shared = rowsOf(unitId);
    if (shared >= 0 && row >= 0) {
      pending.removeAll(spread.inOrder(shared, row, last, replay));
    } else {
      replay.run();
    }
  }

  /**
   * A worker was lost (stopped or dead) while running this configuration method: it failed, with the
   * reason, as it would have had it thrown.
   */
  void configurationLost(String className, String methodName, String why, String host) {
    ITestNGMethod method = configurations.find(className, methodName);
    if (method != null) { // a suite- or test-level one that another worker has reported is known too
      long now = System.currentTimeMillis();
      invocations.configuration(method, ITestResult.FAILURE, new WorkerLostException(why), now, now, host, new Object[0], List.of());
    }
  }

  void configOutcome(ConfigOutcome o, String host) {
    ITestNGMethod method = configurations.find(o.className(), o.methodName());
    if (method == null) {
      throw new IllegalStateException(
          "a worker reported a configuration method the parent does not know: " + o.className() + "." + o.methodName());
    }
    invocations.configuration(method, o.status(), Throwables.decode(o.throwable()), o.startMillis(), o.endMillis(), host,
        Values.decode(o.parameters()), o.output());
    durations.record(Planner.key(method), o.endMillis() - o.startMillis()); // a costly @BeforeClass is work too
  }

  /**
   * Ends a unit whose worker died: the invocation in flight fails with {@code why}, also when earlier
   * rows or invocations of its method have their results. Methods that have no
   * result at all are returned, to go back on the queue, if {@code requeue}; otherwise they are
   * skipped with the reason.
   */
  List<ITestNGMethod> abandon(int unitId, TestStarted inFlight, String why, String host, boolean requeue) {
    if (rowsOf(unitId) >= 0) {
      spread.flush(rowsOf(unitId)); // the rows that waited for earlier ones: reported before it ends
    }
    PlannedUnit unit = units.get(unitId);
    Integer failing = inFlight != null && inFlight.unitId() == unitId ? inFlight.instance() : null;
    Set<String> ran = new HashSet<>(); // methods with a result or a start, as dependsOnMethods names them
    invocations.instancesWithResults().forEach(id -> ran.add(Planner.key(instances.method(id))));
    invocations.inFlight().forEach(i -> ran.add(Planner.key(instances.method(i.instance()))));
    if (failing != null && failing >= 0) {
      ran.add(Planner.key(instances.method(failing)));
    }
    List<ITestNGMethod> notStarted = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (ITestNGMethod m : unit.methods()) {
      int id = instances.id(m);
      String method = Planner.key(m);
      if (failing != null && failing == id) {
        Invocation invocation = new Invocation(id, inFlight.parameterIndex());
        invocations.report(m, invocations.inFlight(invocation) ? invocation : null, ITestResult.FAILURE, new WorkerLostException(why), now, host);
        continue;
      }
      Invocation inFlightHere = invocations.inFlight(id);
      if (inFlightHere != null) { // in flight, with nobody to blame (an interrupted run): not finished, so skipped
        for (Invocation i = inFlightHere; i != null; i = invocations.inFlight(id)) {
          invocations.report(m, i, ITestResult.SKIP, new WorkerLostException(why.replaceFirst(" while running .*", "") + " while running " + method), now, host);
        }
        continue;
      }
      if (invocations.hasResult(id)) {
        continue; // it has its result
      }
      String lostUpstream = Planner.upstreamAmong(m, unit.methods(), ran);
      if (requeue && !ran.contains(method) && lostUpstream == null) {
        notStarted.add(m);
      } else {
        String reason = why.replaceFirst(" while running .*", "") + " before running " + method
            + (lostUpstream == null ? "" : ", which depends on " + lostUpstream + " (run by that worker; it runs once)")
            // Its rows are not known without calling the data provider, which runs only in workers.
            + (m.isDataDriven() ? "; its data provider was never called, so this one skip stands for all its rows" : "");
        invocations.report(m, null, ITestResult.SKIP, new WorkerLostException(reason), now, host);
      }
    }
    pending.remove(unitId);
    return notStarted;
  }
}
