package mproc.worker;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.testng.IConfigurable;
import org.testng.IConfigureCallBack;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;

/**
 * Runs {@code @BeforeSuite}/{@code @BeforeTest} once per worker (per suite, per test), however many
 * TestNG runs the worker makes, and {@code @AfterTest}/{@code @AfterSuite} once, in the closing
 * run the parent asks for when the suite is over. A worker is a session, as in pytest-mproc.
 *
 * <p>Where a method must not run, it is marked passed without being called; a before-method that
 * failed fails again (its original exception), so that what depends on it is skipped as it was.
 */
final class SuiteLevelConfiguration implements IConfigurable {
  private final Map<String, Throwable> outcomes = new HashMap<>();
  private static final Throwable PASSED = new Throwable("passed");
  /** The scopes whose after-methods may run now; empty outside a closing run. */
  private Set<String> closing = Set.of();

  void closing(Set<String> scopes) {
    this.closing = scopes;
  }

  static String suiteScope(String suite) {
    return suite;
  }

  static String testScope(String suite, String test) {
    return suite + "/" + test;
  }

  @Override
  public void run(IConfigureCallBack callBack, ITestResult result) {
    ITestNGMethod m = result.getMethod();
    boolean suiteLevel = m.isBeforeSuiteConfiguration() || m.isAfterSuiteConfiguration();
    boolean testLevel = m.isBeforeTestConfiguration() || m.isAfterTestConfiguration();
    if (!suiteLevel && !testLevel) {
      callBack.runConfigurationMethod(result);
      return;
    }
    String suite = result.getTestContext().getSuite().getName();
    String scope = suiteLevel ? suiteScope(suite) : testScope(suite, result.getTestContext().getName());
    String key = scope + "#" + m.getQualifiedName();
    boolean before = m.isBeforeSuiteConfiguration() || m.isBeforeTestConfiguration();
    Throwable earlier = outcomes.get(key);
    if (earlier == null && (before || closing.contains(scope))) {
      callBack.runConfigurationMethod(result);
      outcomes.put(key, result.getThrowable() == null ? PASSED : result.getThrowable());
    } else if (earlier != null && earlier != PASSED && before) {
      throw Sneaky.<RuntimeException>rethrow(earlier);
    } else {
      result.setStatus(ITestResult.SUCCESS);
    }
  }

  /** Rethrows a remembered throwable as it was, checked or not. */
  private static final class Sneaky {
    @SuppressWarnings("unchecked")
    static <T extends Throwable> T rethrow(Throwable t) throws T {
      throw (T) t;
    }
  }
}
