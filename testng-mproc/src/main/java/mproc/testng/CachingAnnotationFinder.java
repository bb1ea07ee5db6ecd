package mproc.testng;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.testng.ITestNGMethod;
import org.testng.annotations.IAnnotation;
import org.testng.internal.ConstructorOrMethod;
import org.testng.internal.annotations.IAnnotationFinder;

/**
 * TestNG's annotation finder with a cache in front, keyed by the reflected element.
 *
 * <p>Why: TestNG's finder keys its own cache by the annotation's {@code toString()} and the method's,
 * computed on every lookup ({@code JDK15AnnotationFinder}, 7.12.0), and setting up a run looks each
 * test method's annotation up about eight times. In a worker that was 0.09 of its 1.1 CPU-seconds.
 *
 * <p>The same answers: a lookup is passed to TestNG's finder the first time, and its answer kept,
 * which is the object TestNG's cache would hand out again. Lookups by class are always passed on,
 * as TestNG applies annotation transformers to those on every call.
 */
public final class CachingAnnotationFinder implements IAnnotationFinder {
  private static final Object ABSENT = new Object();
  private final IAnnotationFinder finder;
  private final Map<Key, Object> found = new ConcurrentHashMap<>();

  /**
   * What a lookup depends on: which of TestNG's lookups it is (they answer differently: only the one
   * for a test method falls back to its class's annotation), the element, the class it is looked at
   * from (or null), the annotation type. Its equals and hashCode are written out: a record's are
   * built from method handles on first use: 22 generated classes, 25-30 ms of CPU in a fresh JVM,
   * paid by every worker as it starts.
   */
  private record Key(Lookup lookup, Object element, Class<?> from, Class<?> type) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && lookup == k.lookup && Objects.equals(element, k.element) && from == k.from && type == k.type;
    }

    @Override
    public int hashCode() {
      return ((lookup.hashCode() * 31 + Objects.hashCode(element)) * 31 + System.identityHashCode(from)) * 31 + type.hashCode();
    }
  }

  private enum Lookup { METHOD, TEST_METHOD, METHOD_OF_CLASS, CONSTRUCTOR }

  public CachingAnnotationFinder(IAnnotationFinder finder) {
    this.finder = finder;
  }

  @Override
  public <A extends IAnnotation> A findAnnotation(Class<?> cls, Class<A> annotationClass) {
    return finder.findAnnotation(cls, annotationClass);
  }

  @Override
  public <A extends IAnnotation> A findAnnotation(Method m, Class<A> annotationClass) {
    return cached(new Key(Lookup.METHOD, m, null, annotationClass), () -> finder.findAnnotation(m, annotationClass));
  }

  @Override
  public <A extends IAnnotation> A findAnnotation(ITestNGMethod m, Class<A> annotationClass) {
    Method method = m.getConstructorOrMethod().getMethod();
    Object instance = m.getInstance();
    Class<?> from = instance != null ? instance.getClass() : method.getDeclaringClass();
    return cached(new Key(Lookup.TEST_METHOD, method, from, annotationClass), () -> finder.findAnnotation(m, annotationClass));
  }

  @Override
  public <A extends IAnnotation> A findAnnotation(ConstructorOrMethod com, Class<A> annotationClass) {
    if (com.getConstructor() != null) {
      return findAnnotation(com.getConstructor(), annotationClass);
    }
    if (com.getMethod() != null) {
      return findAnnotation(com.getMethod(), annotationClass);
    }
    return null;
  }

  @Override
  public <A extends IAnnotation> A findAnnotation(Class<?> clazz, Method m, Class<A> annotationClass) {
    return cached(new Key(Lookup.METHOD_OF_CLASS, m, clazz, annotationClass), () -> finder.findAnnotation(clazz, m, annotationClass));
  }

  @Override
  public <A extends IAnnotation> A findAnnotation(Constructor<?> cons, Class<A> annotationClass) {
    return cached(new Key(Lookup.CONSTRUCTOR, cons, null, annotationClass), () -> finder.findAnnotation(cons, annotationClass));
  }

  @Override
  public <A extends IAnnotation> List<A> findInheritedAnnotations(Class<?> cls, Class<A> annotationClass) {
    return finder.findInheritedAnnotations(cls, annotationClass);
  }

  @Override
  public boolean hasTestInstance(Method method, int i) {
    return finder.hasTestInstance(method, i);
  }

  @Override
  public String[] findOptionalValues(Method method) {
    return finder.findOptionalValues(method);
  }

  @Override
  public String[] findOptionalValues(Constructor<?> ctor) {
    return finder.findOptionalValues(ctor);
  }

  /** Not computeIfAbsent: a transformer called inside the lookup may look something else up. */
  @SuppressWarnings("unchecked")
  private <A extends IAnnotation> A cached(Key key, Supplier<A> lookup) {
    Object value = found.get(key);
    if (value == null) {
      A annotation = lookup.get();
      value = found.putIfAbsent(key, annotation == null ? ABSENT : annotation);
      if (value == null) {
        return annotation;
      }
    }
    return value == ABSENT ? null : (A) value;
  }
}
