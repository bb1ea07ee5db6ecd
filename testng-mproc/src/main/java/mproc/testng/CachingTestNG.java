package mproc.testng;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import org.testng.CommandLineArgs;
import org.testng.TestNG;
import org.testng.TestNGException;
import org.testng.TestRunner;
import org.testng.internal.IConfiguration;
import org.testng.internal.annotations.IAnnotationFinder;
import org.testng.log4testng.Logger;

/**
 * TestNG whose suites find annotations through {@link CachingAnnotationFinder}: what a worker runs
 * its sessions with, and what {@code mproc.TestNG} runs a command line with. TestNG asks for its
 * configuration once per suite, after it has set its annotation finder
 * ({@code TestNG.createSuiteRunner}, 7.12.0).
 */
public final class CachingTestNG extends TestNG {
  private CachingTestNG(boolean useDefaultListeners) {
    super(useDefaultListeners);
  }

  /** For a worker's sessions: without TestNG's default reporters (the parent writes the reports). */
  public static TestNG forWorker() {
    return new CachingTestNG(false);
  }

  /**
   * Runs a TestNG command line as {@code TestNG.privateMain} does and returns the exit code TestNG's
   * main would exit with. A command line TestNG rejects is handed to {@code privateMain} itself, so
   * that it is reported, with TestNG's usage, exactly as TestNG reports it.
   */
  public static int runCommandLine(String[] argv) {
    CommandLineArgs cla = new CommandLineArgs();
    CachingTestNG testng = new CachingTestNG(true);
    try {
      new JCommander(cla).parse(argv);
      validateCommandLineParameters(cla);
      testng.configure(cla);
    } catch (ParameterException e) {
      return TestNG.privateMain(argv, null).getStatus();
    }
    try {
      testng.run();
    } catch (TestNGException e) {
      if (TestRunner.getVerbose() > 1) {
        e.printStackTrace(System.out); // what TestNG's main does at this verbosity
      } else {
        Logger.getLogger(TestNG.class).error(e.getMessage());
      }
      return 1; // TestNG's ExitCode for a failed run
    }
    return testng.getStatus();
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
