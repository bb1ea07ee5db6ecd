package mproc.it.suite.classend;

import org.testng.IConfigurationListener;
import org.testng.ITestResult;

/**
 * A listener that cleans JVM-wide state as each class ends (after an {@code @AfterClass}), as
 * Apache Pulsar's MockitoCleanupListener and SingletonCleanerListener do.
 */
public class ClassEndCleaner implements IConfigurationListener {
  @Override
  public void onConfigurationSuccess(ITestResult result) {
    if (result.getMethod().isAfterClassConfiguration()) {
      Holds.state = null;
    }
  }
}
