package mproc.testng;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.testng.ITestNGMethod;
import org.testng.internal.IParameterInfo;

/**
 * The order in which the parent and a worker number the instances of one test method, which must
 * be the same in every JVM: a result names its instance by that number. TestNG's own order is, but
 * for instances a {@code @Factory} method makes, whose order follows their identity hash codes and
 * so differs from JVM to JVM (a sequential run's failure of {@code fac3} was reported on
 * {@code fac4}). Those are put in the order of the data provider's row they were made from, and
 * instances of one factory call (one row, or a factory without a data provider) in the order of
 * their simple fields' values, which the factory gave them: the one thing that tells them apart
 * in every JVM. Instances alike in those keep TestNG's order.
 */
public final class InstanceOrder {
  private InstanceOrder() {}

  /** {@code items} (each one instance of the same method) in that order; a new list. */
  public static <T> List<T> sorted(List<T> items, Function<T, ITestNGMethod> method) {
    List<T> sorted = new ArrayList<>(items);
    if (sorted.size() < 2) {
      return sorted;
    }
    Map<Object, String> fields = new IdentityHashMap<>(); // worked out only for ties, once each
    sorted.sort(Comparator.<T>comparingInt(item -> factoryRow(method.apply(item)))
        .thenComparing(item -> fields.computeIfAbsent(method.apply(item).getInstance(), InstanceOrder::simpleFields))); // stable
    return sorted;
  }

  private static int factoryRow(ITestNGMethod m) {
    IParameterInfo info = m.getFactoryMethodParamsInfo();
    return info == null ? -1 : info.getIndex();
  }

  /** The instance's fields of primitive, boxed, string and enum type, its class's first; "" for none. */
  static String simpleFields(Object instance) {
    if (instance == null) {
      return "";
    }
    StringBuilder values = new StringBuilder();
    for (Class<?> c = instance.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        Class<?> type = f.getType();
        boolean simple = type.isPrimitive() || type == String.class || type.isEnum() || Number.class.isAssignableFrom(type)
            || type == Boolean.class || type == Character.class;
        if (!simple || Modifier.isStatic(f.getModifiers()) || f.isSynthetic()) {
          continue;
        }
        try {
          f.setAccessible(true);
          values.append(f.get(instance)).append('\u0000');
        } catch (ReflectiveOperationException | RuntimeException e) { // a module that keeps it closed: not a key
          values.append('?').append('\u0000');
        }
      }
    }
    return values.toString();
  }
}
