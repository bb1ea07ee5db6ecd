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
  private final Map<String, List<KnownUnit>> sharedUnitsByClass = new HashMap<>();
  /** Every unit before this index is taken. */
  private int cursor;

  WorkBook(ClaimTable claims, long workerId) {
    this.claims = claims;
    this.workerId = workerId;
  }

  void add(TestPlan plan) {
    tests.put(plan.testId(), new KnownTest(plan));
  }

  void add(UnitPlan plan) {
    KnownUnit unit = new KnownUnit(plan);
    units.add(unit);
    if (!plan.exclusive()) {
      sharedUnitsByClass.computeIfAbsent(classKey(plan.testId(), unit.className()), k -> new ArrayList<>()).add(unit);
    }
  }

  KnownTest test(int testId) {
    return tests.get(testId);
  }

  List<KnownTest> tests() {
    return new ArrayList<>(tests.values());
  }

  /** Claims the first free unit in dispatch order, or returns null if every known unit is taken. */
  KnownUnit claimNext() {
    for (int i = cursor; i < units.size(); i++) {
      KnownUnit unit = units.get(i);
      if (!unit.taken && tryClaim(unit)) {
        advanceCursor();
        return unit;
      }
    }
    advanceCursor();
    return null;
  }

  /** Claims this unit for this worker if nobody has; true if this worker holds it. */
  boolean tryClaim(KnownUnit unit) {
    if (!unit.taken) {
      unit.mine = claims.claim(unit.id(), workerId);
      unit.taken = true;
    }
    return unit.mine;
  }

  /** Units of this class that any worker running the class may claim as it reaches them. */
  List<KnownUnit> sharedUnits(int testId, String className) {
    return sharedUnitsByClass.getOrDefault(classKey(testId, className), List.of());
  }

  private void advanceCursor() {
    while (cursor < units.size() && units.get(cursor).taken) {
      cursor++;
    }
  }

  private static String classKey(int testId, String className) {
    return testId + "/" + className;
  }
}
