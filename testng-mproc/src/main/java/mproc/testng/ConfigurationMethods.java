package mproc.testng;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.testng.ITestClass;
import org.testng.ITestContext;
import org.testng.ITestNGMethod;
import org.testng.TestRunner;

/** Looks up the configuration methods of a {@code <test>} in the parent. */
public final class ConfigurationMethods {
  private final List<ITestClass> classes;

  public ConfigurationMethods(ITestContext context) {
    this.classes = new ArrayList<>(((TestRunner) context).getTestClasses());
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
    for (ITestClass c : classes) {
      if (!c.getRealClass().getName().equals(className)) {
        continue;
      }
      for (ITestNGMethod[] group :
          List.of(
              c.getBeforeSuiteMethods(), c.getAfterSuiteMethods(),
              c.getBeforeTestConfigurationMethods(), c.getAfterTestConfigurationMethods(),
              c.getBeforeClassMethods(), c.getAfterClassMethods(),
              c.getBeforeTestMethods(), c.getAfterTestMethods(),
              c.getBeforeGroupsMethods(), c.getAfterGroupsMethods())) {
        for (ITestNGMethod m : group) {
          if (m.getMethodName().equals(methodName)) {
            return m;
          }
        }
      }
    }
    return null;
  }
}
