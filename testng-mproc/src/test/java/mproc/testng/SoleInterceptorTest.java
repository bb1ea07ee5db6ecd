package mproc.testng;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import mproc.it.suite.InterceptedOrder;
import org.testng.IMethodInstance;
import org.testng.IMethodInterceptor;
import org.testng.ITestContext;
import org.testng.ITestListener;
import org.testng.TestNG;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** A worker's interceptor as TestRunner's only one, on a real TestNG run. */
public class SoleInterceptorTest {
  /** Reverses TestNG's order by name (c, b, a) and makes itself the only interceptor. */
  static final class Reversing implements IMethodInterceptor, ITestListener {
    Boolean installed;

    @Override
    public void onStart(ITestContext context) {
      installed = SoleInterceptor.install(context, this);
    }

    @Override
    public List<IMethodInstance> intercept(List<IMethodInstance> methods, ITestContext context) {
      List<IMethodInstance> reversed = new ArrayList<>(methods);
      reversed.sort(Comparator.comparing((IMethodInstance m) -> m.getMethod().getMethodName()).reversed());
      return reversed;
    }
  }

  @BeforeMethod
  public void clear() {
    InterceptedOrder.RAN.clear();
  }

  @Test
  public void theInterceptorsOrderWinsOverPriorities() {
    Reversing ours = new Reversing();
    run(ours);

    assertTrue(ours.installed, "TestRunner's interceptors were replaced");
    // TestNG sorts by priority when one is set; a as the last would be the intercepted priority lost
    assertEquals(InterceptedOrder.RAN, List.of("c", "b", "a"));
  }

  @Test
  public void withAnInterceptorOfTheUsersTestNGIsLeftAsItWas() {
    Reversing ours = new Reversing();
    IMethodInterceptor users = (methods, context) -> methods;
    run(users, ours);

    assertFalse(ours.installed);
    assertEquals(InterceptedOrder.RAN.size(), 3, "every method still ran");
  }

  private static void run(Object... listeners) {
    TestNG testng = new TestNG(false);
    testng.setVerbose(0);
    testng.setTestClasses(new Class<?>[] {InterceptedOrder.class});
    for (Object listener : listeners) {
      testng.addListener(listener);
    }
    testng.run();
  }
}
