package mproc.testng;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.testng.ITestClass;
import org.testng.ITestContext;
import org.testng.ITestNGMethod;
import org.testng.TestRunner;

/** Looks up the configuration methods of a {@code <test>} in the parent. */
public final class ConfigurationMethods {
  private final List<ITestClass> classes;
  /** Each configuration method by class and name (the first declared, if a name repeats); looked up per result. */
  private final Map<String, ITestNGMethod> byName = new HashMap<>();

  public ConfigurationMethods(ITestContext context) {
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

  /** The configuration method of this class and name, or null. */
  public ITestNGMethod find(String className, String methodName) {
    return byName.get(className + "#" + methodName);
  }
}
