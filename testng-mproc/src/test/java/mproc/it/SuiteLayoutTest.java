package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mproc.TempDirs;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Parts of a suite file that a worker's run lost, found by a hunt through testng.xml layouts: each
 * suite runs sequentially, with the parent and a worker, and in workers only, and reports the same.
 */
public class SuiteLayoutTest {
  @DataProvider
  public Object[][] ways() {
    return new Object[][] {{"with the parent", List.of("-cores", "2", "-mproc.parentRuns", "true")}, {"in workers", List.of("-cores", "2")}};
  }

  /** A child suite's own {@code <groups>} do not apply (TestNG asks its parent); they did in workers, whose tests then never ran. */
  @Test(dataProvider = "ways")
  public void aChildSuiteRunsWithItsParentsGroups(String way, List<String> args) throws Exception {
    Path dir = TempDirs.directory("mproc-layout");
    Path child = dir.resolve("child.xml");
    Files.writeString(child, ParentRun.suite("child", "  <groups><run><include name=\"fast\"/></run></groups>\n",
        "mproc.it.suite.layout.", "Grouped"));
    String top = "<!DOCTYPE suite SYSTEM \"https://testng.org/testng-1.0.dtd\">\n<suite name=\"top\">\n"
        + "  <suite-files><suite-file path=\"" + child + "\"/></suite-files>\n</suite>\n";
    assertSameAsSequential(top, args, 3);
  }

  /** A listener of the top suite shapes its child suite's tests too: TestNG registers every suite's listeners for the whole run. */
  @Test(dataProvider = "ways")
  public void aTopSuitesListenerReachesItsChildSuite(String way, List<String> args) throws Exception {
    Path dir = TempDirs.directory("mproc-layout");
    Path child = dir.resolve("child.xml");
    Files.writeString(child, ParentRun.suite("child", "", "mproc.it.suite.layout.", "Transformed"));
    String top = "<!DOCTYPE suite SYSTEM \"https://testng.org/testng-1.0.dtd\">\n<suite name=\"top\">\n"
        + "  <listeners><listener class-name=\"mproc.it.suite.layout.Twice\"/></listeners>\n"
        + "  <suite-files><suite-file path=\"" + child + "\"/></suite-files>\n</suite>\n";
    ParentRun run = assertSameAsSequential(top, args, 3);
    assertEquals(run.events("test twice").size(), 2, run.log.toString());
  }

  /** {@code <test time-out>}: a test past it fails. */
  @Test(dataProvider = "ways")
  public void aTestsTimeOutHolds(String way, List<String> args) throws Exception {
    String suite = ParentRun.suite("timed", "", "mproc.it.suite.layout.", "TimedOut")
        .replace("<test name=\"timed\">", "<test name=\"timed\" time-out=\"1000\">");
    ParentRun run = assertSameAsSequential(suite, args, 2);
    assertTrue(run.output.contains("Total tests run: 2, Passes: 1, Failures: 1"), run.output);
  }

  /** {@code <methods>}: an {@code <include>}'s invocation numbers (a testng-failed.xml rerun) and parameters, an {@code <exclude>}. */
  @Test(dataProvider = "ways")
  public void aClassesMethodsBlockHolds(String way, List<String> args) throws Exception {
    String suite = ParentRun.suite("methods", "  <parameter name=\"p\" value=\"suite\"/>\n", "mproc.it.suite.layout.", "Included")
        .replace("<class name=\"mproc.it.suite.layout.Included\"/>", "<class name=\"mproc.it.suite.layout.Included\"><methods>"
            + "<include name=\"row\" invocation-numbers=\"0 2\"/>"
            + "<include name=\"withParameter\"><parameter name=\"p\" value=\"method\"/></include>"
            + "<exclude name=\"excluded\"/></methods></class>");
    ParentRun run = assertSameAsSequential(suite, args, 3);
    assertEquals(run.events("test ").stream().map(e -> e.substring(0, e.lastIndexOf(' '))).sorted().toList(),
        List.of("test row r0", "test row r2", "test withParameter method"), run.log.toString());
  }

  /**
   * {@code skipfailedinvocationcounts}, on the suite or on the {@code <test>}, or the annotation's
   * {@code skipFailedInvocations}: the invocations after a
   * failed one do not run; listeners hear them skipped, and the reports and exit code leave them out.
   */
  @Test(dataProvider = "ways")
  public void skippingFailedInvocationCountsHolds(String way, List<String> args) throws Exception {
    String suite = ParentRun.suite("counts", ParentRun.RECORDING_LISTENER, "mproc.it.suite.layout.", "FailsOnItsSecond");
    for (String skipping : List.of(
        suite.replace("<test name=\"counts\">", "<test name=\"counts\" skipfailedinvocationcounts=\"true\">"),
        suite.replace("<suite name=\"counts\">", "<suite name=\"counts\" skipfailedinvocationcounts=\"true\">"),
        suite.replace("FailsOnItsSecond", "SkipsAfterItsSecond"))) { // @Test(skipFailedInvocations = true)
      ParentRun run = assertSameAsSequential(skipping, args, 2);
      assertEquals(run.events("test ").size(), 2, run.log.toString());
      assertEquals(run.events("listener SKIP").size(), 2, "listeners hear the two invocations skipped: " + run.log);
      assertTrue(run.output.contains("Total tests run: 2, Passes: 1, Failures: 1, Skips: 0"), run.output);
    }
  }

  private static ParentRun assertSameAsSequential(String suite, List<String> args, int tests) throws Exception {
    ParentRun sequential = ParentRun.run(suite);
    ParentRun distributed = ParentRun.run(suite, args.toArray(new String[0]));
    assertEquals(sequential.reportedTests().size(), tests, sequential.output);
    assertEquals(distributed.reportedTests().stream().sorted().toList(), sequential.reportedTests().stream().sorted().toList(),
        distributed.output);
    assertEquals(distributed.exitCode, sequential.exitCode, distributed.output);
    assertEquals(distributed.events("test ").stream().map(e -> e.substring(0, e.lastIndexOf(' '))).sorted().toList(),
        sequential.events("test ").stream().map(e -> e.substring(0, e.lastIndexOf(' '))).sorted().toList(), distributed.log.toString());
    return distributed;
  }
}
