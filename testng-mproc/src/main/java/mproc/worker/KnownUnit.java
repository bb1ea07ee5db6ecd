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
  /** For a unit that spreads its rows: the row this worker claimed last, which TestNG runs now; else -1. */
  int rowClaimedLast = -1;

  KnownUnit(UnitPlan plan) {
    this.plan = plan;
  }

  int id() {
    return plan.unitId();
  }

  String className() {
    return plan.methods().get(0).className();
  }
}
