package mproc.cluster;

import java.util.ArrayList;
import java.util.List;
import mproc.settings.Settings;
import mproc.transport.Message.RunEnded;
import org.testng.ISuite;
import org.testng.ISuiteResult;
import org.testng.ITestContext;
import org.testng.ITestResult;

/**
 * How a cluster run went, from the leader's TestNG results, for the joined hosts: one line per
 * failed test or configuration, then a summary. The run failed if anything failed, or if the leader
 * was interrupted (its unfinished tests are skips); skips alone do not fail it, as they do not fail
 * a Maven build.
 */
public final class RunOutcome {
  private RunOutcome() {}

  public static RunEnded of(List<ISuite> suites, Settings settings, boolean interrupted) {
    List<String> lines = new ArrayList<>();
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    int failedConfigurations = 0;
    for (ISuite suite : suites) {
      for (ISuiteResult result : suite.getResults().values()) {
        ITestContext context = result.getTestContext();
        passed += context.getPassedTests().size() + context.getFailedButWithinSuccessPercentageTests().size();
        skipped += context.getSkippedTests().size();
        for (ITestResult r : context.getFailedTests().getAllResults()) {
          failed++;
          lines.add("mproc: FAILED " + name(r) + why(r));
        }
        for (ITestResult r : context.getFailedConfigurations().getAllResults()) {
          failedConfigurations++;
          lines.add("mproc: FAILED CONFIGURATION " + name(r) + why(r));
        }
      }
    }
    String where = settings.cluster() == null ? "" : " " + settings.clusterShown();
    lines.add("mproc: cluster run" + where + ": " + passed + " passed, " + failed + " failed, " + skipped + " skipped"
        + (failedConfigurations == 0 ? "" : ", " + failedConfigurations + " configuration failures")
        + "; TestNG's reports are the leader's (host 0)");
    if (interrupted) {
      lines.add("mproc: the leader was interrupted (Ctrl-C or SIGTERM): the tests it had not finished are skipped");
    }
    return new RunEnded(interrupted || failed + failedConfigurations > 0, lines);
  }

  private static String name(ITestResult r) {
    return r.getMethod().getRealClass().getName() + "." + r.getMethod().getMethodName()
        + (r.getParameters().length == 0 ? "" : "(" + String.join(", ", java.util.Arrays.stream(r.getParameters()).map(String::valueOf).toList()) + ")");
  }

  private static String why(ITestResult r) {
    Throwable t = r.getThrowable();
    if (t == null) {
      return "";
    }
    String message = t.getMessage() == null ? "" : t.getMessage().lines().findFirst().orElse("");
    return ": " + t.getClass().getName() + (message.isEmpty() ? "" : ": " + message);
  }
}
