package mproc.worker;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mproc.transport.ClaimTable;
import mproc.transport.Message.TestPlan;
import mproc.transport.Message.UnitPlan;

/**
 * This worker's view of the plan: every test and unit published so far, in dispatch order, and
 * which units are claimed. Claims go through the shared {@link ClaimTable}, so each unit is run by
 * exactly one worker.
 */
final class WorkBook {
  private final ClaimTable claims;
  private final long workerId;
  private final Map<Integer, KnownTest> tests = new HashMap<>();
  private final List<KnownUnit> units = new ArrayList<>();
  /** The units that spread their rows, which an idle worker may help with. */
  private final List<KnownUnit> spreading = new ArrayList<>();
  private long nextHelpCheckNanos;
  private final Map<String, List<KnownUnit>> unitsByClass = new HashMap<>();
  /** Every unit before this index is taken. */
  private int cursor;
  /** No more claims (the parent's own sessions once the run is interrupted): what is left is passed over. */
  private volatile boolean stopped;

  /** A worker JVM waits for the parent's gate (see {@link ClaimTable#decideGate}); the parent's own sessions do not. */
  private final boolean gated;
  private boolean gateOpen;

  WorkBook(ClaimTable claims, long workerId, boolean gated) {
    this.claims = claims;
    this.workerId = workerId;
    this.gated = gated;
  }

  private boolean gateOpen() {
    if (!gateOpen) {
      gateOpen = claims.gate() == ClaimTable.GATE_OPEN;
    }
    return gateOpen;
  }

  /** From now on nothing more is claimed; any thread may call it. */
  void stop() {
    stopped = true;
  }

  void add(TestPlan plan) {
    tests.put(plan.testId(), new KnownTest(plan));
  }

  void add(UnitPlan plan) {
    KnownUnit unit = new KnownUnit(plan);
    units.add(unit);
    if (plan.spreadsRows() && worthHelping(unit)) {
      spreading.add(unit);
    }
    unitsByClass.computeIfAbsent(classKey(unit), k -> new ArrayList<>()).add(unit);
  }

  /**
   * These classes of a test and those tied to them: a unit whose methods are in several classes (a
   * {@code dependsOnMethods} or {@code dependsOnGroups} across classes) ties its classes, as TestNG
   * checks every dependency of a class's methods when it sets a run up, also of methods the session
   * then passes over (a session of another unit of the dependent class would stop there).
   */
  java.util.Set<String> withTiedClasses(int testId, java.util.Set<String> classes) {
    java.util.Set<String> result = new java.util.LinkedHashSet<>(classes);
    List<java.util.Set<String>> ties = new ArrayList<>();
    for (KnownUnit u : units) {
      if (u.plan.testId() == testId) {
        java.util.Set<String> tied = new java.util.LinkedHashSet<>();
        u.plan.methods().forEach(m -> tied.add(m.className()));
        if (tied.size() > 1) {
          ties.add(tied);
        }
      }
    }
    for (boolean grew = true; grew; ) {
      grew = false;
      for (java.util.Set<String> tied : ties) {
        if (!result.containsAll(tied) && tied.stream().anyMatch(result::contains)) {
          grew |= result.addAll(tied);
        }
      }
    }
    return result;
  }

  KnownTest test(int testId) {
    return tests.get(testId);
  }

  List<KnownTest> tests() {
    return new ArrayList<>(tests.values());
  }

  /** The first unit in dispatch order that nobody has claimed yet (not claimed by this call). */
  KnownUnit firstFree() {
    if (stopped || (gated && !gateOpen())) {
      return null;
    }
    while (cursor < units.size() && taken(units.get(cursor))) {
      cursor++;
    }
    return cursor < units.size() ? units.get(cursor) : null;
  }

  /**
   * The shareable units of this test that nobody has claimed yet, in dispatch order, but starting
   * at the first class no other worker is in (if any), so that workers spread over classes instead
   * of all starting a session over the same ones.
   */
  List<KnownUnit> freeSharedUnits(int testId) {
    List<KnownUnit> free = new ArrayList<>();
    int firstFreeClass = -1;
    for (int i = cursor; i < units.size(); i++) {
      KnownUnit u = units.get(i);
      if (u.plan.testId() == testId && !u.plan.exclusive() && !taken(u)) {
        if (firstFreeClass < 0 && !occupiedByAnother(u)) {
          firstFreeClass = free.size();
        }
        free.add(u);
      }
    }
    if (firstFreeClass > 0) {
      List<KnownUnit> rotated = new ArrayList<>(free.subList(firstFreeClass, free.size()));
      rotated.addAll(free.subList(0, firstFreeClass));
      return rotated;
    }
    return free;
  }

  /**
   * Whether another worker holds a unit of this unit's class (in its test), also one claimed before
   * this worker's session began (which the session, built over free units, does not list).
   */
  boolean occupiedByAnother(KnownUnit unit) {
    return unitsByClass.get(classKey(unit)).stream().anyMatch(this::heldByAnother);
  }

  /** Whether some class of this test still has no claimed unit at all: a later session can start there. */
  boolean anyUntouchedClass(int testId) {
    for (int i = cursor; i < units.size(); i++) {
      KnownUnit u = units.get(i);
      if (u.plan.testId() == testId && !u.plan.exclusive() && !taken(u) && !classTouched(u)) {
        return true;
      }
    }
    return false;
  }

  /** Whether any worker, this one included, holds a unit of this unit's class (in its test). */
  boolean classTouched(KnownUnit unit) {
    return unitsByClass.get(classKey(unit)).stream().anyMatch(this::taken);
  }

  private static String classKey(KnownUnit unit) {
    return unit.plan.testId() + "/" + unit.className();
  }

  /** Claims this unit for this worker if nobody has; true if this worker holds it. */
  boolean tryClaim(KnownUnit unit) {
    if (stopped && !unit.taken) {
      return false;
    }
    if (!unit.taken) {
      unit.mine = claims.claim(unit.id(), workerId);
      unit.taken = true;
    }
    return unit.mine;
  }

  /**
   * A unit whose rows another worker is running and which still has rows nobody claimed, for an idle
   * worker to help with (once); null if there is none. Looked for at most every 10 ms, and only
   * among units that may still need help: in a cluster each look is a Redis round trip.
   */
  KnownUnit unitToHelp() {
    if (spreading.isEmpty() || stopped || (gated && !gateOpen()) || System.nanoTime() < nextHelpCheckNanos) {
      return null;
    }
    nextHelpCheckNanos = System.nanoTime() + 10_000_000;
    for (java.util.Iterator<KnownUnit> it = spreading.iterator(); it.hasNext(); ) {
      KnownUnit u = it.next();
      if (!taken(u)) {
        continue; // nobody runs its rows yet: it may need help later
      }
      it.remove(); // helped now (once), this worker's own, or past its rows' end: never looked at again
      if (!u.mine && claims.rowOwner(u.plan.rowsOf(), ClaimTable.ROWS_END) == 0) {
        return u;
      }
    }
    return null;
  }

  /**
   * Whether a unit is long enough to repay a helper: a session's TestNG set-up and the data
   * provider's call again (tens of ms in a warm worker). Not when earlier runs measured it under
   * {@value #HELP_MIN_MILLIS} ms in all; a first run (nothing measured: 0) helps.
   */
  private static boolean worthHelping(KnownUnit u) {
    return u.plan.expectedMillis() == 0 || u.plan.expectedMillis() >= HELP_MIN_MILLIS;
  }

  static final long HELP_MIN_MILLIS = 250;

  /** Claims this row of a spread unit for this worker, unless claims have stopped; true if this worker runs it. */
  boolean tryClaimRow(KnownUnit unit, int row) {
    if (stopped || !claims.claimRow(unit.plan.rowsOf(), row, workerId)) {
      return false;
    }
    unit.rowsMine.set(row);
    return true;
  }

  /** A row TestNG's own filter passes over: claimed for nobody ({@link ClaimTable#PASSED_OVER}), so that the claimed rows stay the first ones. */
  void passOverRow(KnownUnit unit, int row) {
    claims.claimRow(unit.plan.rowsOf(), row, ClaimTable.PASSED_OVER);
  }

  /**
   * This worker went through the rows of a spread unit ({@code rows} of them to run, each claimed by someone)
   * or, with {@code rows} -1, ends its part without having done so: either way no worker is to start
   * helping with them any more.
   */
  void rowsEnded(KnownUnit unit, int rows) {
    if (rows >= 0) {
      unit.rowsCounted = rows;
    }
    claims.claimRow(unit.plan.rowsOf(), ClaimTable.ROWS_END, workerId);
  }

  /** Whether another worker holds this unit. */
  boolean heldByAnother(KnownUnit unit) {
    return taken(unit) && !unit.mine;
  }

  /**
   * Whether anyone holds this unit; learns it from the claim table without claiming. A unit seen
   * free may have just been claimed elsewhere ({@link ClaimTable#ownerSeen}): claiming it settles that.
   */
  boolean taken(KnownUnit unit) {
    if (!unit.taken) {
      long owner = claims.ownerSeen(unit.id());
      if (owner != 0) {
        unit.taken = true;
        unit.mine = owner == workerId;
      }
    }
    return unit.taken;
  }
}
