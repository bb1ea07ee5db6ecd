package mproc.testng;

import org.testng.TestNG;
import org.testng.internal.IConfiguration;
import org.testng.internal.annotations.IAnnotationFinder;

/**
 * The TestNG a worker runs its sessions with: TestNG without its default reporters, whose suites
 * find annotations through {@link CachingAnnotationFinder}. TestNG asks for its configuration once
 * per suite, after it has set its annotation finder ({@code TestNG.createSuiteRunner}, 7.12.0).
 */
public final class WorkerTestNG extends TestNG {
  public WorkerTestNG() {
    super(false);
  }

  @Override
  protected IConfiguration getConfiguration() {
    IConfiguration configuration = super.getConfiguration();
    IAnnotationFinder finder = configuration.getAnnotationFinder();
    if (!(finder instanceof CachingAnnotationFinder)) {
      configuration.setAnnotationFinder(new CachingAnnotationFinder(finder));
    }
    return configuration;
  }
}
