package mproc.worker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.testng.IConfigurable;
import org.testng.IConfigureCallBack;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;

/**
 * Decides, for each configuration method TestNG is about to run in a worker, whether it runs (TestNG
 * takes one {@link IConfigurable} per run, so this is the one):
 *
 * <ul>
 *   <li>{@code @BeforeSuite}/{@code @BeforeTest} once per worker (per suite, per test), however many
 *       TestNG runs the worker makes, and {@code @AfterTest}/{@code @AfterSuite} once, in the closing
 *       run the parent asks for when the suite is over. A worker is a session, as in pytest-mproc.
 *   <li>{@code @BeforeClass}/{@code @AfterClass} only in classes whose tests this worker runs
 *       ({@link Session#entered}): a class another worker is running is passed over whole.
 *   <li>of a class of another {@code <test>}, present for its {@code @BeforeSuite}/{@code @AfterSuite}
 *       (which TestNG runs around every {@code <test>}), only those.
 * </ul>
 *
 * <p>Where a method must not run, it is marked passed without being called; a before-method that
 * failed fails again (its original exception), so that what depends on it is skipped as it was.
 */
final class ConfigurationGate implements IConfigurable {
  private final Map<String, Throwable> outcomes = new HashMap<>();
  private static final Throwable PASSED = new Throwable("passed");
  private static final String PASSED_OVER = "mproc.passedOver";
  private static final String RETHROWN = "mproc.rethrown";
  /** The scopes whose after-methods may run now; empty outside a closing run. */
  private Set<String> closing = Set.of();
  /** The session running now, if any. */
  private Session session;
  /** Classes of other {@code <test>}s in this run, whose suite-level methods alone run here. */
  private Set<String> otherTestsClasses = Set.of();
  /** The user's own configurable, which TestNG would call where this one runs a method; null if none. */
  private IConfigurable user;
  private final Map<String, IConfigurable> usersByClass = new HashMap<>();

  /**
   * The suite's own {@link IConfigurable}s (class names): TestNG keeps only the last one it is
   * given, so this gate calls that one where it lets a method run. Made once per worker.
   */
  void userConfigurables(List<String> classNames) {
    this.user = classNames.isEmpty() ? null : usersByClass.computeIfAbsent(classNames.get(classNames.size() - 1), ConfigurationGate::make);
  }

  private static IConfigurable make(String className) {
    try {
      return (IConfigurable) Class.forName(className, true, Thread.currentThread().getContextClassLoader())
          .getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("cannot make the suite's configurable " + className + ": " + e, e);
    }
  }

  private void runMethod(IConfigureCallBack callBack, ITestResult result) {
    if (user != null) {
      user.run(callBack, result);
    } else {
      callBack.runConfigurationMethod(result);
    }
  }

  void otherTestsClasses(List<String> classNames) {
    this.otherTestsClasses = Set.copyOf(classNames);
  }

  void session(Session session) {
    this.session = session;
  }

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
    boolean classLevel = m.isBeforeClassConfiguration() || m.isAfterClassConfiguration();
    if (!suiteLevel && otherTestsClasses.contains(m.getTestClass().getRealClass().getName())) {
      passOver(result); // its @BeforeTest, @BeforeClass, @BeforeGroups are its own <test>'s
      return;
    }
    if (classLevel && session != null && !session.reach(m.getTestClass().getRealClass().getName())) {
      passOver(result);
      return;
    }
    if (!suiteLevel && !testLevel) {
      runMethod(callBack, result);
      return;
    }
    String suite = result.getTestContext().getSuite().getName();
    String scope = suiteLevel ? suiteScope(suite) : testScope(suite, result.getTestContext().getName());
    String key = scope + "#" + m.getQualifiedName();
    boolean before = m.isBeforeSuiteConfiguration() || m.isBeforeTestConfiguration();
    Throwable earlier = outcomes.get(key);
    if (earlier == null && (before || closing.contains(scope))) {
      runMethod(callBack, result);
      outcomes.put(key, result.getThrowable() == null ? PASSED : result.getThrowable());
    } else if (earlier != null && earlier != PASSED && before) {
      result.setAttribute(RETHROWN, Boolean.TRUE); // reported once, when it ran
      throw Sneaky.<RuntimeException>rethrow(earlier);
    } else {
      passOver(result);
    }
  }

  /** TestNG counts a method the gate did not call as passed; the mark keeps it out of the parent's report. */
  private static void passOver(ITestResult result) {
    result.setStatus(ITestResult.SUCCESS);
    result.setAttribute(PASSED_OVER, Boolean.TRUE);
  }

  /** Whether this failure is an earlier run's, given again to skip what depends on it here. */
  static boolean rethrown(ITestResult result) {
    return result.getAttribute(RETHROWN) != null;
  }

  /** Whether this configuration method really ran here (and passed), rather than being passed over. */
  static boolean ranHere(ITestResult result) {
    return result.getAttribute(PASSED_OVER) == null;
  }

  /** Rethrows a remembered throwable as it was, checked or not. */
  private static final class Sneaky {
    @SuppressWarnings("unchecked")
    static <T extends Throwable> T rethrow(Throwable t) throws T {
      throw (T) t;
    }
  }
}
