package mproc.testng;

import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.ISuite;
import org.testng.ITestClass;
import org.testng.ITestContext;
import org.testng.ITestNGMethod;
import org.testng.SuiteRunner;
import org.testng.TestRunner;

/** Looks up the configuration methods of a {@code <test>} in the parent. */
public final class ConfigurationMethods {
  private static final Logger LOG = LoggerFactory.getLogger(ConfigurationMethods.class);
  private final ITestContext context;
  private final List<ITestClass> classes;
  /** Each configuration method by class and name (the first declared, if a name repeats); looked up per result. */
  private final Map<String, ITestNGMethod> byName = new HashMap<>();

  public ConfigurationMethods(ITestContext context) {
    this.context = context;
    this.classes = new ArrayList<>(((TestRunner) context).getTestClasses());
    for (ITestClass c : classes) {
      for (ITestNGMethod[] group :
          List.of(
              c.getBeforeSuiteMethods(), c.getAfterSuiteMethods(),
              c.getBeforeTestConfigurationMethods(), c.getAfterTestConfigurationMethods(),
              c.getBeforeClassMethods(), c.getAfterClassMethods(),
              c.getBeforeTestMethods(), c.getAfterTestMethods(),
              c.getBeforeGroupsMethods(), c.getAfterGroupsMethods())) {
        for (ITestNGMethod m : group) {
          byName.putIfAbsent(c.getRealClass().getName() + "#" + m.getMethodName(), m);
        }
      }
    }
  }

  /**
   * The classes that declare {@code @BeforeSuite}, {@code @AfterSuite}, {@code @BeforeTest} or
   * {@code @AfterTest} methods, test methods or not: a worker loads them so that those run there.
   */
  public List<String> suiteAndTestLevelClasses() {
    Set<String> names = new LinkedHashSet<>();
    for (ITestClass c : classes) {
      if (c.getBeforeSuiteMethods().length + c.getAfterSuiteMethods().length
              + c.getBeforeTestConfigurationMethods().length + c.getAfterTestConfigurationMethods().length > 0) {
        names.add(c.getRealClass().getName());
      }
    }
    return new ArrayList<>(names);
  }

  /**
   * The classes of the suite's other {@code <test>}s that declare {@code @BeforeSuite} or
   * {@code @AfterSuite} methods and are not classes of this one (those made alike in any run). TestNG runs those methods before
   * and after every {@code <test>}, so a JVM that runs only this {@code <test>}'s tests runs them
   * too (a failing one skips this test's tests, as sequentially). Empty where TestNG's suite does
   * not show its {@code <test>}s.
   */
  public List<String> otherTestsSuiteLevelClasses() {
    Set<String> mine = new HashSet<>();
    classes.forEach(c -> mine.add(c.getRealClass().getName()));
    Set<String> names = new LinkedHashSet<>();
    for (TestRunner other : testRunners(context.getSuite())) {
      for (ITestClass c : other.getTestClasses()) {
        String name = c.getRealClass().getName();
        if (c.getBeforeSuiteMethods().length + c.getAfterSuiteMethods().length > 0 && !mine.contains(name)
            && madeAlikeAnywhere(c.getRealClass())) {
          names.add(name);
        }
      }
    }
    return new ArrayList<>(names);
  }

  /**
   * Whether a class, made in another {@code <test>}'s run, is what it is in its own: one with no
   * constructor parameters (which that {@code <test>} might supply) and no {@code @Listeners}
   * (which TestNG would register in that run too, and the parent would hear again). Others keep
   * their {@code @BeforeSuite} to their own {@code <test>}'s sessions.
   */
  private static boolean madeAlikeAnywhere(Class<?> c) {
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      if (k.isAnnotationPresent(org.testng.annotations.Listeners.class)) {
        return false;
      }
    }
    try {
      c.getDeclaredConstructor();
      return true;
    } catch (NoSuchMethodException | RuntimeException e) {
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static List<TestRunner> testRunners(ISuite suite) {
    try {
      return List.copyOf((List<TestRunner>) MethodHandles.privateLookupIn(SuiteRunner.class, MethodHandles.lookup())
          .findGetter(SuiteRunner.class, "testRunners", List.class)
          .invoke(suite));
    } catch (Throwable e) { // another TestNG version, or another ISuite
      LOG.debug("the suite's <test>s are out of reach; each runs only its own classes' @BeforeSuite", e);
      return List.of();
    }
  }

  /** The configuration method of this class and name, or null. */
  public ITestNGMethod find(String className, String methodName) {
    return byName.get(className + "#" + methodName);
  }
}
