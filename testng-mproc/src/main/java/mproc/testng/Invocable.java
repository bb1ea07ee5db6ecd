package mproc.testng;

import java.lang.reflect.Method;
import org.testng.ITestContext;
import org.testng.ITestNGMethod;
import org.testng.SuiteRunner;
import org.testng.internal.MethodHelper;

/**
 * Whether TestNG would invoke a method it hands to the interceptor. A public method of a class
 * whose class-level {@code @Test(enabled = false)} it takes its annotation from is selected, and
 * then, as TestNG is about to invoke it, dropped without a result: the parent must not plan it, or
 * the worker would end its unit without running it.
 */
public final class Invocable {
  private Invocable() {}

  public static boolean atAll(ITestNGMethod method, ITestContext context) {
    Method m = method.getConstructorOrMethod().getMethod();
    if (m == null || !(context.getSuite() instanceof SuiteRunner suite)) {
      return true;
    }
    return MethodHelper.isEnabled(m, suite.getAnnotationFinder()); // the check TestNG's invoker makes first
  }
}
