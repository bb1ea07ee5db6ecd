package mproc.testng;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertSame;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicInteger;
import org.testng.ITestNGMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.ITestAnnotation;
import org.testng.annotations.Test;
import org.testng.internal.ConstructorOrMethod;
import org.testng.internal.annotations.DefaultAnnotationTransformer;
import org.testng.internal.annotations.IAnnotationFinder;
import org.testng.internal.annotations.JDK15AnnotationFinder;

/** The cache answers as TestNG's finder does, and asks it once per element. */
public class CachingAnnotationFinderTest {
  private final JDK15AnnotationFinder testng = new JDK15AnnotationFinder(new DefaultAnnotationTransformer());
  private AtomicInteger asked;
  private CachingAnnotationFinder cache;

  @BeforeMethod
  public void finder() {
    asked = new AtomicInteger();
    IAnnotationFinder counting = (IAnnotationFinder) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {IAnnotationFinder.class}, (proxy, method, args) -> {
          asked.incrementAndGet();
          return method.invoke(testng, args);
        });
    cache = new CachingAnnotationFinder(counting);
  }

  @Test
  public void aMethodsAnnotationIsTheObjectTestNGsFinderGivesAndIsLookedUpOnce() throws Exception {
    Method annotated = AnnotatedSample.class.getMethod("annotated");

    ITestAnnotation first = cache.findAnnotation(annotated, ITestAnnotation.class);
    ITestAnnotation again = cache.findAnnotation(annotated, ITestAnnotation.class);

    assertNotNull(first);
    assertEquals(first.getDescription(), "annotated");
    assertSame(again, first);
    assertSame(first, testng.findAnnotation(annotated, ITestAnnotation.class));
    assertEquals(asked.get(), 1);
  }

  @Test
  public void anAbsentAnnotationIsRememberedToo() throws Exception {
    Method plain = AnnotatedSample.class.getMethod("plain");

    assertNull(cache.findAnnotation(plain, ITestAnnotation.class));
    assertNull(cache.findAnnotation(plain, ITestAnnotation.class));
    assertEquals(asked.get(), 1);
  }

  @Test
  public void lookupsFromAClassAndOfAConstructorAreKeptApart() throws Exception {
    Method annotated = AnnotatedSample.class.getMethod("annotated");
    Constructor<?> constructor = AnnotatedSample.class.getConstructor();

    cache.findAnnotation(annotated, ITestAnnotation.class);
    cache.findAnnotation(AnnotatedSample.class, annotated, ITestAnnotation.class);
    cache.findAnnotation(AnnotatedSample.class, annotated, ITestAnnotation.class);
    cache.findAnnotation(constructor, ITestAnnotation.class);
    cache.findAnnotation(constructor, ITestAnnotation.class);

    assertEquals(asked.get(), 3, "one per distinct lookup");
  }

  @Test
  public void aTestMethodFallsBackToItsClasssAnnotationAfterALookupFromTheClassFoundNone() throws Exception {
    Method plain = AnnotatedSample.class.getMethod("plain");
    ITestNGMethod testMethod = (ITestNGMethod) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {ITestNGMethod.class}, (proxy, method, args) -> switch (method.getName()) {
          case "getConstructorOrMethod" -> new ConstructorOrMethod(plain);
          case "getInstance" -> null;
          default -> throw new UnsupportedOperationException(method.getName());
        });

    assertNull(cache.findAnnotation(AnnotatedSample.class, plain, ITestAnnotation.class), "no @Test on the method itself");
    ITestAnnotation inherited = cache.findAnnotation(testMethod, ITestAnnotation.class);

    assertNotNull(inherited, "TestNG gives a test method its class's @Test");
    assertEquals(inherited.getGroups(), new String[] {"class-level"});
    assertSame(inherited, testng.findAnnotation(testMethod, ITestAnnotation.class));
  }

  @Test
  public void classLookupsAlwaysReachTestNGWhichTransformsThemEachTime() {
    ITestAnnotation first = cache.findAnnotation(AnnotatedSample.class, ITestAnnotation.class);
    cache.findAnnotation(AnnotatedSample.class, ITestAnnotation.class);

    assertEquals(first.getGroups(), new String[] {"class-level"});
    assertEquals(asked.get(), 2);
  }
}
