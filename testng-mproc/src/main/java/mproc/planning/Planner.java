package mproc.planning;

import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mproc.Group;
import mproc.SplitClass;
import mproc.settings.SettingsException;
import org.testng.ITestNGMethod;

/**
 * Groups the selected methods of one {@code <test>} into units and orders them.
 *
 * <ul>
 *   <li>Every instance of a method (a {@code @Factory} makes several) belongs to one unit.
 *   <li>Methods connected by {@code dependsOnMethods} or {@code dependsOnGroups} form one unit, so
 *       that order and skip-on-failure are decided in one JVM, as in a sequential run.
 *   <li>The methods of a class with {@code @BeforeClass} or {@code @AfterClass} form one unit (but
 *       for its {@code @Group} methods): one worker runs the class, its class configuration once,
 *       as sequentially. Run in two workers at once, the class's set-up and tear-down overlap,
 *       which real suites do not survive (one deletes, in its {@code @AfterClass}, the directory the
 *       other's {@code @BeforeClass} just made); a class that says it does ({@link SplitClass}) is
 *       planned as a class without class configuration.
 *   <li>Methods with the same {@link Group} name form one exclusive unit: one worker runs them
 *       serially, in TestNG's order, and nothing else meanwhile.
 *   <li>A data-driven method that is a unit on its own (nothing depends on it, it depends on nothing,
 *       no {@code @Group}, one invocation, no thread pool) and whose class has no {@code @BeforeClass}
 *       or {@code @AfterClass} (but Cucumber's runner's, or a {@link SplitClass}) spreads its rows: several workers may run it
 *       at once, each claiming rows as it reaches them ({@link #spreadsRows}).
 *   <li>Order: {@code @Group} units first; then lower TestNG priority first; then the longest
 *       expected duration first (measured in earlier runs, {@link Durations}; an unknown test counts
 *       as the median). Ties keep TestNG's order, class by class, so that a worker running a class
 *       finds that class's next units next to each other.
 * </ul>
 */
public final class Planner {
  private Planner() {}

  public static List<PlannedUnit> plan(List<ITestNGMethod> methods, Durations durations) {
    return plan(methods, durations, true);
  }

  /** @param spreadRows whether any data provider's rows may be spread ({@code mproc.spreadRows}) */
  public static List<PlannedUnit> plan(List<ITestNGMethod> methods, Durations durations, boolean spreadRows) {
    Map<String, List<ITestNGMethod>> byKey = new LinkedHashMap<>();
    for (ITestNGMethod m : methods) {
      byKey.computeIfAbsent(key(m), k -> new ArrayList<>()).add(m);
    }
    Components components = new Components(byKey.keySet());
    Map<String, List<String>> keysByGroup = new HashMap<>();
    // dependsOnMethods names the class that declares a method: an inherited one is every subclass's,
    // and TestNG makes a method depend on each of them (DependencyMap, 7.12), so they go together.
    Map<String, List<String>> keysByQualifiedName = new HashMap<>();
    for (ITestNGMethod m : methods) {
      keysByQualifiedName.computeIfAbsent(m.getQualifiedName(), q -> new ArrayList<>()).add(key(m));
      for (String group : m.getGroups()) {
        keysByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(key(m));
      }
    }
    Map<String, String> firstOfGroup = new HashMap<>();
    Map<String, String> firstOfConfiguredClass = new HashMap<>();
    for (ITestNGMethod m : methods) {
      String mprocGroup = groupOf(m);
      if (mprocGroup != null) {
        components.union(firstOfGroup.computeIfAbsent(mprocGroup, g -> key(m)), key(m));
      } else if (ClassShape.keptWhole(m.getTestClass())) {
        components.union(firstOfConfiguredClass.computeIfAbsent(className(m), c -> key(m)), key(m));
      }
      for (String upstream : m.getMethodsDependedUpon()) {
        for (String k : keysByQualifiedName.getOrDefault(upstream, List.of())) {
          components.union(key(m), k);
        }
        String inTestClass = inTestClass(m, upstream); // an override in the subclass
        if (inTestClass != null && byKey.containsKey(inTestClass)) {
          components.union(key(m), inTestClass);
        }
      }
      for (String testngGroup : m.getGroupsDependedUpon()) {
        for (String upstream : keysByGroup.getOrDefault(testngGroup, List.of())) {
          components.union(key(m), upstream);
        }
      }
    }

    // One unit per component, at the place of its first method; then class by class.
    Map<String, List<ITestNGMethod>> unitMethods = new LinkedHashMap<>();
    for (Map.Entry<String, List<ITestNGMethod>> e : byKey.entrySet()) {
      unitMethods.computeIfAbsent(components.root(e.getKey()), r -> new ArrayList<>()).addAll(e.getValue());
    }
    long median = durations.median(byKey.keySet());
    Map<String, List<PlannedUnit>> byClass = new LinkedHashMap<>();
    for (List<ITestNGMethod> unit : unitMethods.values()) {
      String group = groupOf(unit.get(0));
      Set<String> keys = new LinkedHashSet<>();
      unit.forEach(m -> keys.add(key(m)));
      int priority = unit.stream().mapToInt(ITestNGMethod::getPriority).min().orElse(0);
      boolean exclusive = group != null || isExclusive(unit);
      PlannedUnit planned = new PlannedUnit(
          unit, exclusive, group, priority, durations.expected(keys, median), spreadRows && !exclusive && spreadsRows(unit));
      byClass.computeIfAbsent(planned.className(), c -> new ArrayList<>()).add(planned);
    }
    List<PlannedUnit> ordered = new ArrayList<>();
    byClass.values().forEach(ordered::addAll);
    ordered.sort(DISPATCH_ORDER); // stable: ties keep TestNG's order
    return ordered;
  }

  /**
   * Whether a unit is one data-driven method whose rows may run in several workers at once. Each
   * worker that takes part calls the data provider itself (so it must give the same rows in every
   * JVM, as TestNG's own {@code invocationNumbers} re-runs assume) and runs only the rows it claims.
   * Not when the method depends on another or runs more than once ({@code invocationCount}, a thread
   * pool), and not when its class has its own {@code @BeforeClass} or {@code @AfterClass}: those
   * would run in every worker that takes part, at once, which sequentially they never do; unless the
   * class says that is safe ({@link SplitClass}). Cucumber's runner class
   * ({@code AbstractTestNGCucumberTests}) is safe too: its class configuration only makes and ends
   * the runner in each JVM (and its report files are per worker).
   */
  public static boolean spreadsRows(List<ITestNGMethod> unit) {
    return ClassShape.spreadsRows(unit);
  }

  private static final Comparator<PlannedUnit> DISPATCH_ORDER =
      Comparator.comparingInt((PlannedUnit u) -> u.group() != null ? 0 : 1)
          .thenComparingInt(PlannedUnit::priority)
          .thenComparing(Comparator.comparingInt((PlannedUnit u) -> durationClass(u.expectedMillis())).reversed());

  /**
   * Durations within about 25 % of each other count as equal, and so do all below 50 ms, so that a
   * suite of alike tests keeps TestNG's class-by-class order (and its class affinity) instead of being
   * shuffled by noise. Putting a 30 ms test before a 2 ms one balances nothing, but shuffled empty
   * tests spread every class over every worker's session.
   */
  static int durationClass(long millis) {
    return (int) Math.round(Math.log1p(Math.max(millis, SHORT_MILLIS)) / Math.log(1.25));
  }

  private static final long SHORT_MILLIS = 50;

  /** The methods' keys ({@link #key}). */
  public static Set<String> keysOf(Collection<ITestNGMethod> methods) {
    Set<String> keys = new HashSet<>();
    methods.forEach(m -> keys.add(key(m)));
    return keys;
  }

  /** Whether a configuration method runs around tests or classes (not once per suite or {@code <test>}). */
  public static boolean isClassOrMethodLevel(ITestNGMethod m) {
    return m.isBeforeClassConfiguration() || m.isAfterClassConfiguration() || m.isBeforeMethodConfiguration()
        || m.isAfterMethodConfiguration() || m.isBeforeGroupsConfiguration() || m.isAfterGroupsConfiguration();
  }

  /** The {@link Group} a method belongs to: its own annotation, else its class's; null if none. */
  public static String groupOf(ITestNGMethod m) {
    Method method = m.getConstructorOrMethod().getMethod();
    Group group = method == null ? null : method.getAnnotation(Group.class);
    if (group == null) {
      group = m.getTestClass().getRealClass().getAnnotation(Group.class);
    }
    return group == null ? null : group.value();
  }

  /** Fails, before anything runs, on a {@link Group} with an empty name. */
  public static void checkGroups(Collection<ITestNGMethod> methods) {
    for (ITestNGMethod m : methods) {
      String group = groupOf(m);
      if (group != null && group.isBlank()) {
        throw new SettingsException(
            "mproc: @Group on " + key(m) + " has an empty name; name the group, e.g. @Group(\"db\")");
      }
    }
  }

  /**
   * The first of {@code keys} that {@code m} depends on, directly or through other methods of
   * {@code unit} (by {@code dependsOnMethods} or {@code dependsOnGroups}), or null. TestNG cannot run
   * a method without the methods it depends on in the same run.
   */
  public static String upstreamAmong(ITestNGMethod m, List<ITestNGMethod> unit, Set<String> keys) {
    Set<String> seen = new HashSet<>();
    ArrayDeque<ITestNGMethod> todo = new ArrayDeque<>(List.of(m));
    while (!todo.isEmpty()) {
      ITestNGMethod next = todo.poll();
      Set<String> groups = new HashSet<>(Arrays.asList(next.getGroupsDependedUpon())); // may repeat a name
      Set<String> methods = new HashSet<>(Arrays.asList(next.getMethodsDependedUpon())); // declaring class.method
      for (ITestNGMethod other : unit) {
        String k = key(other);
        boolean upstream = methods.contains(other.getQualifiedName())
            || methods.stream().anyMatch(d -> k.equals(inTestClass(next, d)))
            || Arrays.stream(other.getGroups()).anyMatch(groups::contains);
        if (upstream && seen.add(k)) {
          if (keys.contains(k)) {
            return k;
          }
          todo.add(other);
        }
      }
    }
    return null;
  }

  /**
   * {@code upstream} (class.method) named by {@code m}'s test class, when the class it names is one
   * that test class inherits from (TestNG falls back to it for an override), else null.
   */
  private static String inTestClass(ITestNGMethod m, String upstream) {
    int dot = upstream.lastIndexOf('.');
    if (dot < 0) {
      return null;
    }
    String declaring = upstream.substring(0, dot);
    for (Class<?> c = m.getTestClass().getRealClass().getSuperclass(); c != null; c = c.getSuperclass()) {
      if (c.getName().equals(declaring)) {
        return className(m) + upstream.substring(dot);
      }
    }
    return null;
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
}
