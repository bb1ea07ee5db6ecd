package mproc.planning;

import java.util.List;
import org.testng.ITestNGMethod;

/**
 * Methods one worker runs together, in order.
 *
 * @param methods every instance of every method of the unit, in TestNG's order
 * @param exclusive true when the unit must start a worker-side run of its own: it spans classes,
 *     or TestNG runs it on a thread pool or under an invocation time-out, where TestNG ignores an
 *     invocation count of 0 (the way a worker passes over a method another worker holds); or it is
 *     a {@code @Group}
 * @param group the {@code @Group} name, or null
 * @param priority the lowest TestNG priority of its methods
 * @param expectedMillis how long it is expected to take, from earlier runs
 * @param spreadsRows one data-driven method whose rows several workers may run at once (each claims
 *     rows as it reaches them), see {@link Planner#spreadsRows}
 */
public record PlannedUnit(List<ITestNGMethod> methods, boolean exclusive, String group, int priority, long expectedMillis, boolean spreadsRows) {
  public PlannedUnit {
    methods = List.copyOf(methods);
  }

  public String className() {
    return Planner.className(methods.get(0));
  }
}
