package mproc.testng;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.testng.ITestNGMethod;
import org.testng.internal.IParameterInfo;

/**
 * The order in which the parent and a worker number the instances of one test method, which must
 * be the same in every JVM: a result names its instance by that number. TestNG's own order is, but
 * for instances a {@code @Factory} method makes from a data provider, whose order follows their
 * identity hash codes and so differs from JVM to JVM (a sequential run's failure of {@code fac3}
 * was reported on {@code fac4}). Those are put in the order of the data provider's rows; instances
 * of one row, and all others, keep TestNG's order.
 */
public final class InstanceOrder {
  private InstanceOrder() {}

  /** {@code items} (each one instance of the same method) in that order; a new list. */
  public static <T> List<T> sorted(List<T> items, Function<T, ITestNGMethod> method) {
    List<T> sorted = new ArrayList<>(items);
    sorted.sort(Comparator.comparingInt(item -> factoryRow(method.apply(item)))); // stable
    return sorted;
  }

  private static int factoryRow(ITestNGMethod m) {
    IParameterInfo info = m.getFactoryMethodParamsInfo();
    return info == null ? -1 : info.getIndex();
  }
}
