package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * A retried test (a retry analyzer on the test, or one an annotation transformer of the suite gives
 * every test, as Apache Pulsar's listeners do) reports in the parent as sequentially: its retried
 * attempts as skipped and retried, the summary's "Retries", the exit code (TestNG's counts a retried
 * attempt as a skip), TestNG's and the JUnit reports; each retry runs in the JVM of the first attempt.
 */
public class RetriesTest {
  private static final String SUITE = ParentRun.suite("retries",
      "  <listeners><listener class-name=\"mproc.it.suite.retry.RetryTransformer\"/></listeners>\n",
      "mproc.it.suite.retry.", "Flaky", "RetriedByTransformer");
  /** Flaky's three (one failing twice), RetriedByTransformer's one, and the three retried attempts. */
  private static final String SUMMARY = "Total tests run: 7, Passes: 3, Failures: 1, Skips: 0, Retries: 3";
  private ThreeWays runs;

  @BeforeClass
  public void runTheSuiteThreeWays() throws Exception {
    runs = ThreeWays.run(SUITE);
  }

  @Test
  public void theSequentialRunIsWhatTheseTestsExpect() {
    ParentRun sequential = runs.sequential();
    assertTrue(sequential.output.contains(SUMMARY), sequential.output);
    assertEquals(sequential.exitCode, 3, "a failure and retried attempts (skips):\n" + sequential.output);
  }

  @DataProvider
  public Object[][] distributed() {
    return ThreeWays.WAYS;
  }

  @Test(dataProvider = "distributed")
  public void reportsAsTheSequentialRunDoes(String way) throws Exception {
    ParentRun run = runs.distributed(way);
    ParentRun sequential = runs.sequential();
    assertTrue(run.output.contains(SUMMARY), run.output);
    assertEquals(run.exitCode, sequential.exitCode, run.output);
    DistributedRunTest.assertSameReports(Reports.testngResults(run.outputDir), Reports.testngResults(sequential.outputDir));
    DistributedRunTest.assertSameReports(Reports.junitReports(run.outputDir), Reports.junitReports(sequential.outputDir));
  }

  @Test(dataProvider = "distributed")
  public void eachRetryRunsWhereItsFirstAttemptRan(String way) {
    ParentRun run = runs.distributed(way);
    Map<String, List<Long>> pids = run.events("ran ").stream()
        .collect(Collectors.groupingBy(l -> l.split(" ")[1], Collectors.mapping(ParentRun::pid, Collectors.toList())));
    assertEquals(pids.keySet(), Set.of("Flaky.passesWhenRetried", "Flaky.failsEvenWhenRetried", "Flaky.passes",
        "RetriedByTransformer.passesWhenRetried"), String.join("\n", run.log));
    for (String retried : List.of("Flaky.passesWhenRetried", "Flaky.failsEvenWhenRetried", "RetriedByTransformer.passesWhenRetried")) {
      assertEquals(pids.get(retried).size(), 2, retried + " ran twice: " + pids);
      assertEquals(Set.copyOf(pids.get(retried)).size(), 1, retried + " ran both times in one JVM: " + pids);
    }
    if (way.equals("in workers")) {
      assertTrue(pids.values().stream().flatMap(List::stream).noneMatch(p -> p == run.parentPid), "nothing in the parent: " + pids);
    }
  }
}
