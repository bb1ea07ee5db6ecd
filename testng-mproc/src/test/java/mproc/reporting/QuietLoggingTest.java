package mproc.reporting;

import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.List;
import org.testng.annotations.Test;

public class QuietLoggingTest {
  /**
   * A worker's class path may list jars before directories (class-data sharing), so it is told which
   * file configured this JVM's logback rather than left to find one.
   */
  @Test
  public void workersAreToldTheFileThisJvmsLogbackWasConfiguredFrom() {
    String url = QuietLogging.logbackConfigurationUrl();
    assertTrue(url != null && url.endsWith("test-classes/logback-test.xml"), String.valueOf(url));
    assertTrue(QuietLogging.workerJvmOptions().contains("-Dlogback.configurationFile=" + url), QuietLogging.workerJvmOptions().toString());
  }

  /** Surefire's systemPropertyVariables are set at run time, not on the command line. */
  @Test
  public void loggingPropertiesSetAtRunTimeReachTheWorkers() {
    System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    try {
      assertTrue(QuietLogging.workerJvmOptions().contains("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
    } finally {
      System.clearProperty("org.slf4j.simpleLogger.defaultLogLevel");
    }
  }

  /** SLF4J's reports about the class path were printed by this JVM, from the same class path. */
  @Test
  public void workersDoNotRepeatSlf4jsReportsUnlessTheUserAsksForThem() {
    assertTrue(QuietLogging.workerJvmOptions().contains("-Dslf4j.internal.verbosity=ERROR"));
    System.setProperty("slf4j.internal.verbosity", "DEBUG");
    try {
      List<String> options = QuietLogging.workerJvmOptions();
      assertTrue(options.contains("-Dslf4j.internal.verbosity=DEBUG"), options.toString());
      assertFalse(options.contains("-Dslf4j.internal.verbosity=ERROR"), options.toString());
    } finally {
      System.clearProperty("slf4j.internal.verbosity");
    }
  }
}
