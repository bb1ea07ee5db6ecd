package mproc.parent;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mproc.planning.PlannedUnit;
import mproc.planning.Planner;
import mproc.testng.InstanceOrder;
import mproc.transport.Message.MethodRef;
import org.testng.ITestNGMethod;

/**
 * The method instances of one {@code <test>}, each numbered by its place in the planned units: the
 * one identity of an instance on the wire ({@link MethodRef}), which the workers' messages carry and
 * which is looked up here, where a key used to be rebuilt from class, method and ordinal.
 */
final class MethodInstances {
  private final List<ITestNGMethod> byId = new ArrayList<>();
  private final Map<ITestNGMethod, Integer> ids = new IdentityHashMap<>();

  void add(PlannedUnit unit) {
    for (ITestNGMethod m : unit.methods()) {
      ids.put(m, byId.size());
      byId.add(m);
    }
  }

  int id(ITestNGMethod m) {
    return ids.get(m);
  }

  ITestNGMethod method(int id) {
    return byId.get(id);
  }

  /** How a unit's methods go on the wire: each with its instances' ids, in {@link InstanceOrder}. */
  List<MethodRef> refs(PlannedUnit unit) {
    Map<List<String>, List<ITestNGMethod>> byMethod = new LinkedHashMap<>(); // (class, method) -> its instances
    for (ITestNGMethod m : unit.methods()) {
      byMethod.computeIfAbsent(List.of(Planner.className(m), m.getMethodName()), k -> new ArrayList<>()).add(m);
    }
    List<MethodRef> refs = new ArrayList<>();
    byMethod.forEach((name, instances) ->
        refs.add(new MethodRef(name.get(0), name.get(1), InstanceOrder.sorted(instances, m -> m).stream().map(ids::get).toList())));
    return refs;
  }

  /** The instance a worker named, checked against the name it gave; a worker naming one the parent did not plan is a bug. */
  ITestNGMethod planned(int id, String className, String methodName) {
    ITestNGMethod method = id >= 0 && id < byId.size() ? byId.get(id) : null;
    if (method == null || !Planner.key(method).equals(className + "." + methodName)) {
      throw new IllegalStateException("a worker reported a test the parent did not plan: " + className + "." + methodName + " #" + id);
    }
    return method;
  }
}
