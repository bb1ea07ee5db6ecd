package mproc.worker;

import mproc.transport.Message.UnitPlan;

/** A unit the parent published, and what this worker knows of its claim. */
final class KnownUnit {
  final UnitPlan plan;
  /** Claimed by this worker. */
  boolean mine;
  /** Claimed, by this worker or another: never to be tried again. */
  boolean taken;

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
