package mproc;

import java.util.LinkedHashSet;
import java.util.Set;
import mproc.fixtures.FixtureInjector;
import mproc.fixtures.FixtureRegistry;
import mproc.fixtures.FixtureSource;
import mproc.fixtures.FixtureValues;
import mproc.settings.Settings;
import org.testng.IInvokedMethod;
import org.testng.ISuite;
import org.testng.ITestResult;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlTest;

/**
 * The global fixtures of an execution's suites: found and checked as each suite starts (computed
 * only when something needs them), injected here into the tests of suites that run in this JVM,
 * and closed at the end, or on Ctrl-C for what was set up here.
 */
final class SuiteFixtures {
  private final FixtureRegistry registry = new FixtureRegistry();
  private FixtureValues values;
  private FixtureInjector injector;
  private Thread closeOnExit;

  /**
   * Finds and checks the global fixtures of the suite's classes and of {@code mproc.fixtures}, before
   * any test runs; they are computed later, only if something needs them.
   */
  void find(ISuite suite, Settings settings) {
    Set<Class<?>> classes = new LinkedHashSet<>();
    for (XmlTest test : suite.getXmlSuite().getTests()) {
      for (XmlClass c : test.getXmlClasses()) {
        if (c.getSupportClass() != null) {
          classes.add(c.getSupportClass());
        }
      }
    }
    suite.getAllMethods().forEach(m -> classes.add(m.getTestClass().getRealClass()));
    registry.add(classes, settings.fixtureClasses(), Thread.currentThread().getContextClassLoader());
    if (values == null) {
      values = new FixtureValues(registry);
      injector = new FixtureInjector(values);
      FixtureSource.Current.install(values);
    }
  }

  /** Null until a suite has started. */
  FixtureValues values() {
    return values;
  }

  /** A test of a suite run here: its {@code @Global} fields are set before its first method. */
  void beforeInvocation(IInvokedMethod method, ITestResult result) {
    if (injector != null) {
      injector.beforeInvocation(method, result);
    }
  }

  /** Fixtures set up in this JVM are closed on Ctrl-C too. */
  void closeOnExit() {
    if (closeOnExit == null) {
      closeOnExit = new Thread(() -> values.closeAll(System.err), "mproc-fixtures-cleanup");
      Runtime.getRuntime().addShutdownHook(closeOnExit);
    }
  }

  void close() {
    if (values != null) {
      values.closeAll(System.err);
    }
    if (closeOnExit != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(closeOnExit);
      } catch (IllegalStateException e) {
        // already shutting down: the hook runs
      }
    }
  }
}
