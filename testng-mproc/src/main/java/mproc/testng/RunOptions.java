package mproc.testng;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.testng.TestNG;

/**
 * The options of the parent's TestNG run that change a test's outcome and live in TestNG's
 * configuration rather than in the suite file, by their command-line names: a worker's runs get
 * them too. TestNG's own main turns on {@code -propagateDataProviderFailureAsTestFailure} for every
 * command line (7.12.0 applies the option whenever its value is not null, and it defaults to
 * false), so a data provider that throws is a failure under {@code mproc.TestNG} or
 * {@code org.testng.TestNG}, a skip under Surefire; a worker must do as its parent does.
 */
public final class RunOptions {
  static final String PROPAGATE_DATA_PROVIDER_FAILURE = "-propagateDataProviderFailureAsTestFailure";
  static final String ALL_DATA_DRIVEN_SKIPPED = "-includeAllDataDrivenTestsWhenSkipping";

  private RunOptions() {}

  /** The options of the TestNG run in this JVM (the last TestNG made here); none if there is none. */
  public static List<String> ofThisRun() {
    TestNG testng = current();
    List<String> options = new ArrayList<>();
    if (testng != null && testng.isPropagateDataProviderFailureAsTestFailure()) {
      options.add(PROPAGATE_DATA_PROVIDER_FAILURE);
    }
    if (testng != null && testng.getReportAllDataDrivenTestsAsSkipped()) {
      options.add(ALL_DATA_DRIVEN_SKIPPED);
    }
    return options;
  }

  /** Sets these options on a worker's TestNG. */
  public static void apply(List<String> options, TestNG testng) {
    if (options.contains(PROPAGATE_DATA_PROVIDER_FAILURE)) {
      testng.propagateDataProviderFailureAsTestFailure();
    }
    if (options.contains(ALL_DATA_DRIVEN_SKIPPED)) {
      testng.setReportAllDataDrivenTestsAsSkipped(true);
    }
  }

  /** TestNG keeps the instance it made last in a private static field ({@code m_instance}, 7.12.0). */
  private static TestNG current() {
    try {
      Field instance = TestNG.class.getDeclaredField("m_instance");
      instance.setAccessible(true);
      return (TestNG) instance.get(null);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // another TestNG: workers run with TestNG's defaults
    }
  }
}
