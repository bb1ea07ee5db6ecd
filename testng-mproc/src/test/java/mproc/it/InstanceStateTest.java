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

  /**
   * An inherited {@code @BeforeTest} runs on the instance a sequential run picks (the first listed
   * class that has it), also when a worker's run holds the subclass first: its tests fail or pass as
   * sequentially (found on jclouds-core, where they failed sequentially and passed with workers).
   */
  @Test
  public void anInheritedBeforeTestRunsOnTheInstanceASequentialRunPicks() throws Exception {
    String suite = ParentRun.suite("inherited", "", "mproc.it.suite.state.", "SharedBase", "LaterSubclass");
    List<String> sequential = ParentRun.run(suite).reportedTests().stream().sorted().toList();
    assertEquals(sequential, List.of("baseHasIt FAIL", "baseHasIt PASS", "subclassHasIt FAIL"), "TestNG's own behaviour");
    for (String parentRuns : List.of("false", "true")) {
      ParentRun run = ParentRun.run(suite, "-cores", "2", "-mproc.parentRuns", parentRuns);
      assertEquals(run.reportedTests().stream().sorted().toList(), sequential, "parentRuns " + parentRuns + ":\n" + run.output);
    }
  }
}
