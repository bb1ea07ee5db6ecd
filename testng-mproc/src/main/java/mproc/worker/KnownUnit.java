package mproc.worker;

import mproc.transport.Message.UnitPlan;

/** A unit the parent published, and what this worker knows of its claim. */
final class KnownUnit {
  final UnitPlan plan;
  /** Claimed by this worker. */
  boolean mine;
  /** Claimed, by this worker or another: never to be tried again. */
  boolean taken;
  /** For a unit that spreads its rows: the rows this worker claimed. */
  final java.util.BitSet rowsMine = new java.util.BitSet();
  /** For a unit that spreads its rows: how many there are, once this worker has gone through them; else -1. */
  int rowsCounted = -1;
  /** For a unit that spreads its rows: the rows whose result this worker sent. */
  final java.util.BitSet rowsReported = new java.util.BitSet();

  KnownUnit(UnitPlan plan) {
    this.plan = plan;
  }

  int id() {
    return plan.unitId();
  }

  /**
   * A result's row. TestNG gives a row it skips for a failed configuration method (a
   * {@code @BeforeMethod}, a {@code @BeforeSuite}) the index -1; of a unit whose rows are spread, the
   * parent waits for each row's result in row order (the run never ended), so such a skip is the row
   * TestNG was on: the last this worker claimed (it claims them in order), if it has no result yet. A
   * data provider's failure, also -1, comes when no row is claimed, or after the last one's result:
   * it stays -1.
   */
  int rowOf(org.testng.ITestResult r) {
    int row = r.getParameterIndex();
    int last = rowsMine.length() - 1;
    return row < 0 && plan.spreadsRows() && last >= 0 && !rowsReported.get(last) ? last : row;
  }

  String className() {
    return plan.methods().get(0).className();
  }
}
