package mproc.parent;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import mproc.planning.PlannedUnit;
import mproc.planning.Planner;
import mproc.settings.Settings;
import mproc.transport.ClaimTable;
import mproc.transport.Message.TestStarted;
import mproc.transport.Message.Working;
import org.testng.ITestNGMethod;

/**
 * What a lost worker (dead, stopped, or on a lost host) leaves behind: its test in flight fails with
 * the reason, the methods of its units it had not started go back on the queue once, a configuration
 * method it was in fails, and another worker takes its place while {@code mproc.maxWorkerRestarts}
 * allows. When no worker is left, what nobody claimed is skipped. Nothing is lost.
 */
final class LostWork {
  /** Publishes a unit again under a new id (the rest of a lost worker's unit). */
  interface Requeue {
    void requeue(TestDispatch test, PlannedUnit again, int lostUnitId);
  }

  private final Settings settings;
  private final ClaimTable claims;
  private final WorkerPool pool;
  private final Map<Integer, TestDispatch> testsById;
  private final Requeue requeue;
  private final PrintStream err;

  LostWork(Settings settings, ClaimTable claims, WorkerPool pool, Map<Integer, TestDispatch> testsById, Requeue requeue, PrintStream err) {
    this.settings = settings;
    this.claims = claims;
    this.pool = pool;
    this.testsById = testsById;
    this.requeue = requeue;
    this.err = err;
  }

  /** A worker exited or was stopped ({@code runEnding}: the run is closing, no replacement). */
  void workerGone(RemoteWorker w, TestDispatch test, boolean runEnding) {
    w.gone = true;
    w.endedMillis = System.currentTimeMillis();
    if (w.stoodDown) {
      return; // stopped on purpose while the gate was shut: it took nothing; no loss, no replacement
    }
    int code = w.process.exitCode();
    List<String> lastLines = w.process.lastLines();
    if (w.local() && !w.ready && !pool.anyReady()) {
      throw new WorkerStartException(w.process.describe() + " exited with code " + code + " before it was ready", w.command, lastLines);
    }
    WorkerLoss loss = WorkerLoss.of(w, lastLines, pool.mayReplace());
    if (w.inFlight == null) {
      failConfigurationInFlight(w, loss.why());
    }
    releaseRows(w, test, loss.why());
    releaseUnits(w, test, loss.why(), loss.requeue());
    if (loss.hungClass() != null) { // its units nobody claimed yet are skipped too
      for (Map.Entry<Integer, PlannedUnit> e : new ArrayList<>(test.units().entrySet())) {
        int unitId = e.getKey();
        if (!test.isDone(unitId) && e.getValue().methods().stream().anyMatch(m -> loss.hungClass().equals(Planner.className(m)))
            && claims.claim(unitId, Long.MAX_VALUE)) {
          test.abandon(unitId, null, loss.why(), "mproc", false);
        }
      }
    }
    w.inFlight = null;
    w.working = null;
    if (code != 0 || !test.complete()) {
      w.lostBecause = loss.line();
      err.println("mproc: " + w.lostBecause);
    }
    if (!test.complete() && !runEnding && w.local()) {
      pool.replace(w);
    }
  }

  /**
   * The units a lost worker claimed and did not finish: its test in flight fails with {@code why},
   * and the methods it had not started go back on the queue once, if {@code requeueThem}.
   */
  private void releaseUnits(RemoteWorker w, TestDispatch test, String why, boolean requeueThem) {
    for (Map.Entry<Integer, PlannedUnit> e : new ArrayList<>(test.units().entrySet())) {
      int unitId = e.getKey();
      if (!test.isDone(unitId) && claims.owner(unitId) == w.id()) { // the local check first: an owner may be a Redis round trip
        boolean requeueUnit = requeueThem && !test.wasRequeued(unitId) && !w.stoppedOutsideTests;
        if (test.rowsOf(unitId) >= 0) {
          releaseSpreadUnit(w, test, unitId, e.getValue(), why, requeueUnit);
          continue;
        }
        List<ITestNGMethod> notStarted = test.abandon(unitId, inFlight(w, unitId, e.getValue()), why, w.host(), requeueUnit);
        if (!notStarted.isEmpty()) {
          PlannedUnit original = e.getValue();
          long expected = original.expectedMillis() * notStarted.size() / Math.max(1, original.methods().size()); // what is left of it
          requeue.requeue(test, new PlannedUnit(notStarted, original.exclusive(), original.group(), original.priority(), expected,
              original.spreadsRows()), unitId);
        }
      }
    }
  }

  /**
   * The rows a lost worker had claimed in units that spread their rows (its own, or units it helped
   * with) and not finished: the one in flight fails with {@code why}, one it had claimed and not
   * started is skipped. Rows are claimed in order, so the claimed ones are the first: the search ends
   * at the first row nobody claimed.
   */
  private void releaseRows(RemoteWorker w, TestDispatch test, String why) {
    Set<Integer> shared = new TreeSet<>();
    test.spreadUnitsNotDone().forEach(u -> shared.add(test.rowsOf(u)));
    for (int rowsOf : shared) {
      List<Long> owners = rowOwners(rowsOf);
      for (int row = 0; row < owners.size(); row++) {
        if (owners.get(row) == w.id() && !test.rowHasResult(rowsOf, row)) { // never a row claimed for nobody (PASSED_OVER)
          test.rowLost(rowsOf, row, why, w.host());
        }
      }
    }
    if (w.inFlight != null && test.owns(w.inFlight.unitId()) && test.rowsOf(w.inFlight.unitId()) >= 0) {
      w.inFlight = null; // its row has its result
    }
  }

  /** Who claimed each of these shared rows, from the first to the last claimed: rows are claimed in order. */
  private List<Long> rowOwners(int rowsOf) {
    List<Long> owners = new ArrayList<>();
    for (long owner = claims.rowOwner(rowsOf, 0); owner != 0; owner = claims.rowOwner(rowsOf, owners.size())) {
      owners.add(owner);
    }
    return owners;
  }

  /**
   * A lost worker held this spread unit. If some worker went through all of its rows, every row is
   * claimed: the unit is done once each has its result. Otherwise the rows nobody has claimed go
   * back on the queue once, in a unit that shares the claims (so no row runs twice), or else one
   * skip stands for them.
   */
  private void releaseSpreadUnit(RemoteWorker w, TestDispatch test, int unitId, PlannedUnit unit, String why, boolean requeueIt) {
    int rowsOf = test.rowsOf(unitId);
    TestStarted makingRow = inFlight(w, unitId, unit);
    if (makingRow != null) { // its lazy data provider never made the next row: that fails the method, as in one worker
      claims.claimRow(rowsOf, ClaimTable.ROWS_END, Long.MAX_VALUE); // and nobody else is to wait for that row
      test.abandon(unitId, makingRow, why, w.host(), false);
      return;
    }
    int rows = claims.rowOwner(rowsOf, ClaimTable.ROWS_END) == 0
        ? -1 // the rows that run: claimed, and not for nobody
        : (int) rowOwners(rowsOf).stream().filter(owner -> owner != ClaimTable.PASSED_OVER).count();
    test.spreadUnitLost(unitId, rows);
    if (rows < 0 && requeueIt) {
      requeue.requeue(test, unit, unitId);
    } else if (rows < 0) {
      test.unclaimedRowsLost(unitId, why);
    }
  }

  /**
   * A lost host's workers may have claimed units after the leader counted them gone (they ran on
   * until their host heard it was lost, or, cut off, stopped itself): those units are released as
   * the others were. A worker that exited, or whose host has had time to stop, claims nothing more.
   */
  void releaseLateClaims(TestDispatch test) {
    for (RemoteWorker w : List.copyOf(pool.all())) {
      if (w.gone && w.process instanceof HostedWorker hosted && hosted.mayStillClaim()) {
        releaseRows(w, test, w.lostBecause != null ? w.lostBecause : w.process.ending());
        releaseUnits(w, test, w.lostBecause != null ? w.lostBecause : w.process.ending(), true);
      }
    }
  }

  /**
   * What a lost worker had in flight in this unit: its test, or the row a lazy data provider of the
   * unit was making, which fails as the row a worker dies in does (earlier rows keep their results).
   */
  private static TestStarted inFlight(RemoteWorker w, int unitId, PlannedUnit unit) {
    Working row = w.working;
    if (w.inFlight != null || row == null || row.kind() != Working.Kind.DATA_ROW) {
      return w.inFlight;
    }
    boolean ours = unit.methods().stream()
        .anyMatch(m -> m.getMethodName().equals(row.methodName()) && Planner.className(m).equals(row.className()));
    return ours ? new TestStarted(unitId, row.instance(), row.className(), row.methodName()) : null;
  }

  /** The configuration method a worker was running when it was lost (stopped or dead) fails, with the reason. */
  void failConfigurationInFlight(RemoteWorker w, String why) {
    if (w.working != null && w.working.kind() == Working.Kind.CONFIGURATION && testsById.containsKey(w.working.testId())) {
      testsById.get(w.working.testId()).configurationLost(w.working.className(), w.working.methodName(), why, w.host());
    }
  }

  /** No worker is left: whatever nobody claimed is reported skipped, so that the run ends. */
  void abandonUnclaimed(TestDispatch test) {
    String why = pool.mayReplace()
        ? "no worker was left to run it (every worker exited)"
        : "no worker was left to run it: " + pool.restarts() + " crashed workers were replaced and mproc.maxWorkerRestarts ("
            + settings.maxWorkerRestarts() + ") is used up";
    for (int unitId : new ArrayList<>(test.units().keySet())) {
      if (!test.isDone(unitId) && (claims.claim(unitId, Long.MAX_VALUE) || claims.owner(unitId) == Long.MAX_VALUE)) {
        test.abandon(unitId, null, why, "mproc", false);
      }
    }
    err.println("mproc: " + why);
  }
}
