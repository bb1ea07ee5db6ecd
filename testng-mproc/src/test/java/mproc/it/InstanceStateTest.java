package mproc.it;

import static org.testng.Assert.assertEquals;

import java.util.List;
import org.testng.annotations.Test;

/**
 * Sequential TestNG runs a class's suite-, test- and group-level configuration on the instance its
 * tests use. A worker runs one {@code <test>} in several TestNG runs; they must share that instance.
 */
public class InstanceStateTest {
  private static final String SUITE = ParentRun.suite("state", "", "mproc.it.suite.state.", "SetUpOnce", "AlsoSetUp");

  private static final List<String> ALL_PASS = List.of(
      "alone PASS", "one PASS", "three PASS", "two PASS", "uses PASS", "usesAgain PASS");

  @Test
  public void stateSetByBeforeTestReachesTestsRunLaterInTheSameWorker() throws Exception {
    for (String cores : List.of("1", "2")) {
      ParentRun run = ParentRun.run(SUITE, "-cores", cores);
      assertEquals(run.reportedTests().stream().sorted().toList(), ALL_PASS, "-cores " + cores + ":\n" + run.output);
      assertEquals(run.reportedConfigurations().stream().filter(c -> !c.endsWith(" PASS")).toList(), List.of(),
          "@AfterTest sees the state too, -cores " + cores);
      assertEquals(run.exitCode, 0, run.output);
    }
  }

  @Test
  public void theSameSuitePassesSequentially() throws Exception {
    ParentRun run = ParentRun.run(SUITE);
    assertEquals(run.reportedTests().stream().sorted().toList(), ALL_PASS, run.output);
  }
}
