package mproc.testng;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import org.testng.TestNG;
import org.testng.xml.XmlTest;

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
  /**
   * Per {@code <test>}: its runner skips the invocations after a failed one. TestNG's own
   * {@code skipFailedInvocationCounts} overrides the suite file's (a {@code new TestNG()} sets it
   * false, Surefire's too), and a {@code <test>}'s attribute is not in the XML the workers get.
   */
  static final String SKIP_FAILED_INVOCATIONS = "-skipfailedinvocationcounts";

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

  /** The options of this run for one {@code <test>}, as its runner in this JVM has them. */
  public static List<String> forTest(XmlTest test) {
    List<String> options = ofThisRun();
    if (skipsFailedInvocations(test)) {
      options.add(SKIP_FAILED_INVOCATIONS);
    }
    return options;
  }

  /** Whether the {@code <test>}'s runner skips the invocations after a failed one, as SuiteRunner decides. */
  static boolean skipsFailedInvocations(XmlTest test) {
    return Boolean.TRUE.equals(test.getSuite().skipFailedInvocationCounts()) || test.skipFailedInvocationCounts();
  }

  /** Sets these options on a worker's TestNG. */
  public static void apply(List<String> options, TestNG testng) {
    testng.setSkipFailedInvocationCounts(options.contains(SKIP_FAILED_INVOCATIONS));
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
