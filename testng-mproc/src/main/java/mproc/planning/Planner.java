package mproc.planning;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.testng.ITestNGMethod;

/**
 * Groups the selected methods of one {@code <test>} into units and orders them.
 *
 * <ul>
 *   <li>Every instance of a method (a {@code @Factory} makes several) belongs to one unit.
 *   <li>Methods connected by {@code dependsOnMethods} or {@code dependsOnGroups} form one unit, so
 *       that order and skip-on-failure are decided in one JVM, as in a sequential run.
 *   <li>Units are ordered class by class, in the order TestNG gave the classes, so that a worker
 *       running a class finds that class's next units next to each other.
 * </ul>
 */
public final class Planner {
  private Planner() {}

  public static List<PlannedUnit> plan(List<ITestNGMethod> methods) {
    Map<String, List<ITestNGMethod>> byKey = new LinkedHashMap<>();
    for (ITestNGMethod m : methods) {
      byKey.computeIfAbsent(key(m), k -> new ArrayList<>()).add(m);
    }
    Components components = new Components(byKey.keySet());
    Map<String, List<String>> keysByGroup = new HashMap<>();
    for (ITestNGMethod m : methods) {
      for (String group : m.getGroups()) {
        keysByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(key(m));
      }
    }
    for (ITestNGMethod m : methods) {
      for (String upstream : m.getMethodsDependedUpon()) {
        if (byKey.containsKey(upstream)) {
          components.union(key(m), upstream);
        }
      }
      for (String group : m.getGroupsDependedUpon()) {
        for (String upstream : keysByGroup.getOrDefault(group, List.of())) {
          components.union(key(m), upstream);
        }
      }
    }

    // One unit per component, at the place of its first method; then class by class.
    Map<String, List<ITestNGMethod>> unitMethods = new LinkedHashMap<>();
    for (Map.Entry<String, List<ITestNGMethod>> e : byKey.entrySet()) {
      unitMethods.computeIfAbsent(components.root(e.getKey()), r -> new ArrayList<>()).addAll(e.getValue());
    }
    Map<String, List<PlannedUnit>> byClass = new LinkedHashMap<>();
    for (List<ITestNGMethod> unit : unitMethods.values()) {
      PlannedUnit planned = new PlannedUnit(List.copyOf(unit), isExclusive(unit));
      byClass.computeIfAbsent(planned.className(), c -> new ArrayList<>()).add(planned);
    }
    List<PlannedUnit> ordered = new ArrayList<>();
    byClass.values().forEach(ordered::addAll);
    return ordered;
  }

  /** TestNG's own name for a method, as {@code dependsOnMethods} resolves it: class.method. */
  public static String key(ITestNGMethod m) {
    return className(m) + "." + m.getMethodName();
  }

  /**
   * The name of the test class a method runs in: for an inherited method the subclass, where
   * {@code getRealClass()} names the class that declares it.
   */
  public static String className(ITestNGMethod m) {
    return m.getTestClass().getRealClass().getName();
  }

  private static boolean isExclusive(List<ITestNGMethod> unit) {
    String first = className(unit.get(0));
    for (ITestNGMethod m : unit) {
      if (!className(m).equals(first) || m.getThreadPoolSize() > 1 || m.getInvocationTimeOut() > 0) {
        return true;
      }
    }
    return false;
  }

  /** Union-find over method keys. */
  private static final class Components {
    private final Map<String, String> parent = new HashMap<>();

    Components(Iterable<String> keys) {
      keys.forEach(k -> parent.put(k, k));
    }

    String root(String k) {
      String p = parent.get(k);
      if (p.equals(k)) {
        return k;
      }
      String r = root(p);
      parent.put(k, r);
      return r;
    }

    void union(String a, String b) {
      String ra = root(a);
      String rb = root(b);
      if (!ra.equals(rb)) {
        parent.put(rb, ra);
      }
    }
  }
}
