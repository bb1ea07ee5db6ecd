package mproc.testng;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import org.testng.CommandLineArgs;
import org.testng.ITestListener;
import org.testng.ITestResult;
import org.testng.TestNG;
import org.testng.TestNGException;
import org.testng.TestRunner;
import org.testng.internal.ExitCode;
import org.testng.internal.IConfiguration;
import org.testng.internal.annotations.DefaultAnnotationTransformer;
import org.testng.internal.annotations.IAnnotationFinder;
import org.testng.log4testng.Logger;

/**
 * TestNG whose suites find annotations through {@link CachingAnnotationFinder}: what a worker runs
 * its sessions with, and what {@code mproc.TestNG} runs a command line with. TestNG asks for its
 * configuration once per suite, after it has set its annotation finder
 * ({@code TestNG.createSuiteRunner}, 7.12.0).
 */
public final class CachingTestNG extends TestNG {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CachingTestNG.class);

  /** As TestNG's main makes it: with the default reporters (and the same warnings). */
  private CachingTestNG() {
    super();
  }

  private CachingTestNG(boolean useDefaultListeners) {
    super(useDefaultListeners);
  }

  /** For a worker's sessions: without TestNG's default reporters (the parent writes the reports). */
  public static TestNG forWorker() {
    return new CachingTestNG(false);
  }

  /**
   * Runs a TestNG command line as {@code TestNG.privateMain} does and returns the exit code TestNG's
   * main would exit with (also when TestNG stops the run with an exception: 8 if no test started,
   * else 1). A command line TestNG rejects is handed to {@code privateMain} itself, so that it is
   * reported, with TestNG's usage, exactly as TestNG reports it.
   */
  public static int runCommandLine(String[] argv) {
    CommandLineArgs cla = new CommandLineArgs();
    CachingTestNG testng;
    try {
      new JCommander(cla).parse(argv);
      validateCommandLineParameters(cla);
      testng = new CachingTestNG();
      testng.configure(cla);
    } catch (ParameterException e) {
      return TestNG.privateMain(argv, null).getStatus();
    }
    AnyTest anyTest = new AnyTest();
    testng.addListener(anyTest);
    try {
      testng.run();
    } catch (TestNGException e) {
      if (TestRunner.getVerbose() > 1) {
        e.printStackTrace(System.out); // what TestNG's main does at this verbosity
      } else {
        Logger.getLogger(TestNG.class).error(e.getMessage());
      }
      // privateMain marks the run failed, and getStatus() answers "no tests" first if none started.
      return anyTest.seen ? ExitCode.FAILED : ExitCode.HAS_NO_TEST;
    }
    return testng.getStatus();
  }

  /** Whether any test started or ended, as TestNG's own exit-code listener counts it. */
  private static final class AnyTest implements ITestListener {
    volatile boolean seen;

    @Override
    public void onTestStart(ITestResult result) {
      seen = true;
    }

    @Override
    public void onTestSuccess(ITestResult result) {
      seen = true;
    }

    @Override
    public void onTestFailure(ITestResult result) {
      seen = true;
    }

    @Override
    public void onTestSkipped(ITestResult result) {
      seen = true;
    }

    @Override
    public void onTestFailedButWithinSuccessPercentage(ITestResult result) {
      seen = true;
    }
  }

  /**
   * Puts the cache in front of the annotation finder of the TestNG that is running this JVM's suites
   * (Surefire's, an IDE's), as {@link #getConfiguration} does for ours. Called from a listener
   * before TestNG sets its suites up: TestNG makes its finder before the execution listeners start
   * and hands it to each suite as it sets it up ({@code TestNG.run}, {@code createSuiteRunner},
   * 7.12.0). That set-up is where a suite of 2,000 methods spent 1.1 of its 1.7 CPU-s on the
   * {@code toString()} keys of TestNG's own cache, before the parent could plan anything.
   *
   * <p>{@code TestNG.getDefault()} is the TestNG made last, the one running until its run ends; were
   * it another, its lookups would be cached too, with the same answers. Not with a user's annotation
   * transformer: TestNG applies it again on some repeated lookups, which the cache would skip.
   * Where TestNG's configuration is out of reach (TestNG on the module path, or changed) nothing
   * changes but the time.
   */
  public static void cacheAnnotationsOfRunningTestNG() {
    TestNG running = TestNG.getDefault();
    if (running == null || !(running.getAnnotationTransformer() instanceof DefaultAnnotationTransformer)) {
      return; // a user's transformer sees each of TestNG's lookups, as without us
    }
    IConfiguration configuration;
    try {
      java.lang.reflect.Method get = TestNG.class.getDeclaredMethod("getConfiguration");
      get.setAccessible(true);
      configuration = (IConfiguration) get.invoke(running);
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.debug("TestNG's configuration is out of reach; its annotation lookups are not cached", e);
      return;
    }
    if (configuration != null && configuration.getAnnotationFinder() != null) {
      cacheIn(configuration);
    }
  }

  /** Puts the cache in front of the configuration's finder, once. */
  private static void cacheIn(IConfiguration configuration) {
    IAnnotationFinder finder = configuration.getAnnotationFinder();
    if (!(finder instanceof CachingAnnotationFinder)) {
      configuration.setAnnotationFinder(new CachingAnnotationFinder(finder));
    }
  }

  @Override
  protected IConfiguration getConfiguration() {
    IConfiguration configuration = super.getConfiguration();
    cacheIn(configuration);
    return configuration;
  }
}
