package mproc;

import mproc.planning.Planner;
import org.testng.IConfigurable;
import org.testng.IConfigureCallBack;
import org.testng.ISuite;
import org.testng.ITestResult;

/**
 * Suite- and test-level configuration runs in the workers (once per worker, and once in the
 * parent's own sessions when it runs tests) when the suite is distributed, so the parent's TestNG
 * run passes over it; everything else runs as usual, through the
 * configurable that was there before (a user's {@link IConfigurable}), if any.
 */
final class PassOver implements IConfigurable {
  private final IConfigurable next;

  PassOver(IConfigurable next) {
    this.next = next;
  }

  @Override
  public void run(IConfigureCallBack callBack, ITestResult result) {
    ISuite suite = result.getTestContext().getSuite();
    if (!Planner.isClassOrMethodLevel(result.getMethod()) && MprocListener.distributes(suite)) {
      result.setStatus(ITestResult.SUCCESS);
    } else if (next != null) {
      next.run(callBack, result);
    } else {
      callBack.runConfigurationMethod(result);
    }
  }

  /** Puts a PassOver in front of the suite's configurable (TestNG's configuration, shared by its suites). */
  static void install(ISuite suite) {
    try {
      // One field by name and type: Class.getDeclaredField would load every field's type (Guice's too).
      org.testng.internal.IConfiguration configuration = (org.testng.internal.IConfiguration)
          java.lang.invoke.MethodHandles.privateLookupIn(org.testng.SuiteRunner.class, java.lang.invoke.MethodHandles.lookup())
              .findGetter(org.testng.SuiteRunner.class, "configuration", org.testng.internal.IConfiguration.class)
              .invoke(suite);
      synchronized (configuration) {
        if (!(configuration.getConfigurable() instanceof PassOver)) {
          configuration.setConfigurable(new PassOver(configuration.getConfigurable()));
        }
      }
    } catch (Throwable e) {
      throw new mproc.settings.SettingsException(
          "mproc: this TestNG (" + suite.getClass().getName() + ") does not let suite-level configuration be left to"
              + " the workers (" + e + "); testng-mproc needs TestNG 7.12");
    }
  }
}
