package mproc.testng;

import java.lang.reflect.Field;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.IMethodInstance;
import org.testng.IMethodInterceptor;
import org.testng.ITestContext;
import org.testng.TestRunner;

/**
 * Makes a worker's interceptor the only one of its TestRunner, wrapped around TestNG's built-in one.
 *
 * <p>Why: a sequential TestRunner with more than one interceptor (TestNG always has its built-in
 * one) sorts its free methods again after each method it runs and runs them one at a time
 * ({@code TestRunner.privateRun}, 7.12.0): every method of the session, even one another worker
 * holds and this worker passes over, pays a pass over the whole graph, a sort and a set-up of its
 * own. With one interceptor TestNG runs all free methods in one pass, in the interceptor's order,
 * as a run with no interceptor does. The order is kept for suites with priorities (TestNG sorts
 * then) by setting each method's intercepted priority, as TestNG does for its second interceptor.
 *
 * <p>Uses a private field of TestRunner; if it is not there (another TestNG version) or the runner
 * has other interceptors (a user's), nothing changes and TestNG sorts after each method as before.
 */
public final class SoleInterceptor {
  private static final Logger LOG = LoggerFactory.getLogger(SoleInterceptor.class);
  /** TestRunner's interceptor list, looked up once per JVM; null if this TestNG has none such. */
  private static final Field INTERCEPTORS = interceptorsField();

  private SoleInterceptor() {}

  /**
   * Called from {@code ITestListener.onStart}, after TestNG has registered {@code ours} and before
   * it intercepts. Returns whether {@code ours} is now the only interceptor.
   */
  public static boolean install(ITestContext context, IMethodInterceptor ours) {
    if (INTERCEPTORS == null || !(context instanceof TestRunner)) {
      return false;
    }
    List<IMethodInterceptor> interceptors;
    try {
      @SuppressWarnings("unchecked")
      List<IMethodInterceptor> list = (List<IMethodInterceptor>) INTERCEPTORS.get(context);
      interceptors = list;
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("made accessible in interceptorsField()", e);
    }
    if (interceptors.size() != 2 || interceptors.get(1) != ours) {
      return false;
    }
    IMethodInterceptor builtIn = interceptors.get(0);
    interceptors.clear();
    interceptors.add((methods, ctx) -> inOrder(ours.intercept(builtIn.intercept(methods, ctx), ctx)));
    return true;
  }

  private static Field interceptorsField() {
    try {
      Field field = TestRunner.class.getDeclaredField("m_methodInterceptors");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) { // another TestNG version, or a security manager
      LOG.debug("TestRunner's interceptors cannot be replaced; TestNG sorts after each method", e);
      return null;
    }
  }

  private static List<IMethodInstance> inOrder(List<IMethodInstance> methods) {
    for (int i = 0; i < methods.size(); i++) {
      methods.get(i).getMethod().setInterceptedPriority(i);
    }
    return methods;
  }
}
