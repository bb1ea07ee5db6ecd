package mproc.planning;

import java.util.List;
import mproc.SplitClass;
import org.testng.ITestClass;
import org.testng.ITestNGMethod;

/**
 * What a test class's shape allows the {@link Planner}: whether its methods must stay in one unit
 * ({@link #keptWhole}) and whether a data-driven method's rows may spread over the workers
 * ({@link #spreadsRows}, documented at {@link Planner#spreadsRows}).
 */
final class ClassShape {
  private ClassShape() {}

  static boolean spreadsRows(List<ITestNGMethod> unit) {
    if (unit.size() != 1) {
      return false;
    }
    ITestNGMethod m = unit.get(0);
    return m.isDataDriven() && m.getInvocationCount() == 1 && m.getThreadPoolSize() <= 1 && Planner.groupOf(m) == null
        && m.getMethodsDependedUpon().length == 0 && m.getGroupsDependedUpon().length == 0
        && classConfigurationMayRunInEachWorker(m.getTestClass());
  }

  private static boolean classConfigurationMayRunInEachWorker(ITestClass testClass) {
    if (testClass == null) {
      return false;
    }
    if (splits(testClass)) {
      return true;
    }
    if (singleThreaded(testClass)) {
      return false;
    }
    for (ITestNGMethod[] ms : List.of(testClass.getBeforeClassMethods(), testClass.getAfterClassMethods())) {
      for (ITestNGMethod c : ms) {
        if (!c.getConstructorOrMethod().getDeclaringClass().getName().equals(CUCUMBER_RUNNER)) {
          return false;
        }
      }
    }
    return true;
  }

  private static final String CUCUMBER_RUNNER = "io.cucumber.testng.AbstractTestNGCucumberTests";

  /**
   * Whether a class's methods form one unit: it has {@code @BeforeClass} or {@code @AfterClass}
   * methods, which sequentially run once around all of them, or it says its methods must never run
   * at once ({@code @Test(singleThreaded = true)}: jclouds-filesystem's share one directory, which
   * each test makes and deletes); and it does not say they may run in each worker instead
   * ({@link SplitClass}).
   */
  static boolean keptWhole(ITestClass testClass) {
    return testClass != null
        && (testClass.getBeforeClassMethods().length > 0 || testClass.getAfterClassMethods().length > 0 || singleThreaded(testClass))
        && !splits(testClass);
  }

  /** A class-level {@code @Test(singleThreaded = true)}, on the class or a superclass, as TestNG reads it. */
  private static boolean singleThreaded(ITestClass testClass) {
    for (Class<?> c = testClass.getRealClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      org.testng.annotations.Test test = c.getAnnotation(org.testng.annotations.Test.class);
      if (test != null && test.singleThreaded()) {
        return true;
      }
    }
    return false;
  }

  private static boolean splits(ITestClass testClass) {
    Class<?> real = testClass.getRealClass();
    return real != null && real.isAnnotationPresent(SplitClass.class);
  }
}
