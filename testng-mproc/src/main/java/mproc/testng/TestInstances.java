package mproc.testng;

import java.lang.reflect.Constructor;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.testng.ITestObjectFactory;
import org.testng.internal.objects.DefaultTestObjectFactory;

/**
 * The object factory of every TestNG run in one worker: it makes each test class once per
 * {@code <test>} and gives the same instance to every later run of that {@code <test>}, as sequential
 * TestNG makes one instance per class per {@code <test>}. A worker runs a {@code <test>} in several
 * TestNG runs (sessions, then the closing run); without this each run made new instances, and the
 * fields a {@code @BeforeTest}, {@code @BeforeSuite} or {@code @BeforeGroups} set in the first run
 * were missing in the run that ran the class's tests, and in the one that ran {@code @AfterTest}.
 *
 * <p>Only the test classes of the {@code <test>} are kept; anything else TestNG makes through its
 * object factory (listeners, a data provider's class) is made anew as before. Instances a
 * {@code @Factory} method returns are the user's own objects and are made anew by each run; Guice
 * modules' instances likewise.
 */
public final class TestInstances implements ITestObjectFactory {
  private final Map<String, ITestObjectFactory> userFactories = new HashMap<>();
  private final Map<Key, Object> instances = new HashMap<>();
  private ITestObjectFactory delegate = new DefaultTestObjectFactory();
  private int testId;
  private Set<String> testClasses = Set.of();

  /**
   * A class's instance in a {@code <test>}; for a {@code @Factory} constructor fed by a data
   * provider, one per row, by its values (compared deeply, as the provider makes them again in each
   * run). Other constructors' parameters (an injected {@code ITestContext} is new in each run) are
   * no part of it: one instance per class, as before.
   */
  private record Key(int testId, Class<?> type, Parameters parameters) {}

  private record Parameters(Object[] values) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Parameters p && java.util.Arrays.deepEquals(values, p.values);
    }

    @Override
    public int hashCode() {
      return java.util.Arrays.deepHashCode(values);
    }
  }

  /**
   * The {@code <test>} the next TestNG run belongs to, its classes, and the object factory its suite
   * names ({@code object-factory}, made once per worker; null: TestNG's own).
   */
  public synchronized void forTest(int testId, Set<String> testClasses, Class<?> suiteObjectFactory) {
    this.testId = testId;
    this.testClasses = Set.copyOf(testClasses);
    this.delegate = suiteObjectFactory == null ? new DefaultTestObjectFactory() : userFactory(suiteObjectFactory);
  }

  private ITestObjectFactory userFactory(Class<?> type) {
    return userFactories.computeIfAbsent(type.getName(), n -> (ITestObjectFactory) new DefaultTestObjectFactory().newInstance(type));
  }

  @Override
  public synchronized <T> T newInstance(Class<T> cls, Object... parameters) {
    if (!testClasses.contains(cls.getName())) {
      return delegate.newInstance(cls, parameters);
    }
    return cls.cast(kept(cls, null, () -> delegate.newInstance(cls, parameters)));
  }

  @Override
  public synchronized <T> T newInstance(String clsName, Object... parameters) {
    return delegate.newInstance(clsName, parameters);
  }

  @Override
  public synchronized <T> T newInstance(Constructor<T> constructor, Object... parameters) {
    Class<T> cls = constructor.getDeclaringClass();
    if (!testClasses.contains(cls.getName())) {
      return delegate.newInstance(constructor, parameters);
    }
    // A @Factory constructor fed by a data provider makes one instance per row; any other, one per class.
    org.testng.annotations.Factory factory = constructor.getAnnotation(org.testng.annotations.Factory.class);
    Object[] row = factory != null && !factory.dataProvider().isEmpty() ? parameters : null;
    return cls.cast(kept(cls, row, () -> delegate.newInstance(constructor, parameters)));
  }

  /** Not computeIfAbsent: making an inner class's instance makes its enclosing class's first. */
  private Object kept(Class<?> cls, Object[] parameters, java.util.function.Supplier<Object> make) {
    Key key = new Key(testId, cls, new Parameters(parameters == null ? new Object[0] : parameters.clone()));
    Object kept = instances.get(key);
    if (kept == null) {
      kept = make.get();
      if (kept != null) {
        instances.put(key, kept);
      }
    }
    return kept;
  }
}
