package mproc.worker;

import java.util.List;
import mproc.transport.Message.MethodRef;
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

  /** Where this method comes in the unit, in the parent's (sequential TestNG's) order. */
  int indexOf(String methodKey) {
    List<MethodRef> methods = plan.methods();
    for (int i = 0; i < methods.size(); i++) {
      if (methodKey.equals(methods.get(i).className() + "." + methods.get(i).methodName())) {
        return i;
      }
    }
    return methods.size();
  }

    String className() {
    return plan.methods().get(0).className();
  }
}
