package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * The parent as one of the cores ({@code mproc.parentRuns}, the default): it runs units in TestNG
 * runs of its own while the worker starts and between the worker's results. Same suite as
 * {@link DistributedRunTest}; what is reported must still be what a sequential run reports.
 */
public class ParentRunsTestsTest {
  private ParentRun parentWorks;
  private ParentRun sequential;

  @BeforeClass
  public void runTheSuiteBothWays() throws Exception {
    parentWorks = ParentRun.run(ParentRun.SUITE, "-cores", "2", "-mproc.parentRuns", "true");
    sequential = ParentRun.run(ParentRun.SUITE);
  }

  @Test
  public void everyTestRanExactlyOnceAndTheParentRanSome() {
    List<String> tests = DistributedRunTest.assertEachTestRanOnce(parentWorks);
    Set<Long> parent = parentWorks.pids("listener ");
    // Its first test starts as soon as the plan is out, while the worker JVM is still starting.
    assertTrue(tests.stream().map(ParentRun::pid).anyMatch(parent::contains), "the parent ran tests: " + tests);
  }

  @Test
  public void exitCodeSummaryAndReportsMatchTheSequentialRun() throws Exception {
    assertEquals(parentWorks.exitCode, sequential.exitCode, parentWorks.output);
    assertTrue(parentWorks.output.contains("Total tests run: 25, Passes: 22, Failures: 2, Skips: 1"), parentWorks.output);
    DistributedRunTest.assertSameReports(Reports.testngResults(parentWorks.outputDir), Reports.testngResults(sequential.outputDir));
    DistributedRunTest.assertSameReports(Reports.junitReports(parentWorks.outputDir), Reports.junitReports(sequential.outputDir));
  }

  /** TestNG lists every Reporter line of the JVM once more at the top of testng-results.xml: once, not twice. */
  @Test
  public void reporterOutputIsListedOnceAsSequentially() throws Exception {
    String line = "hello from the worker";
    assertEquals(parentWorks.reportXml().split(line, -1).length, sequential.reportXml().split(line, -1).length, parentWorks.reportXml());
  }

  /**
   * The suite's own listener hears each result once, in the parent, named by where it ran: the
   * listener TestNG makes for the parent's own runs stands aside, as it does in a worker.
   */
  @Test
  public void listenersHearEachResultOnceNamedByWhereItRan() {
    List<String> heard = parentWorks.events("listener ");
    assertEquals(heard.size(), DistributedRunTest.EXPECTED_TESTS.size(), heard.toString());
    assertEquals(heard.stream().map(ParentRun::pid).collect(Collectors.toSet()).size(), 1, "one JVM, the parent: " + heard);
    for (String l : heard) {
      assertTrue(l.matches("listener \\w+ \\w+ (parent|worker-1) \\d+"), "result's host: " + l);
    }
    assertTrue(parentWorks.output.contains("results from this JVM and "), parentWorks.output);
  }

  /**
   * A first run of tests too small to repay a worker JVM: the parent's first tests say so, the
   * worker started early is stopped before it takes anything, and the parent runs them all.
   */
  @Test
  public void aFirstRunOfTinyTestsStaysInTheParentAndStopsTheWorker() throws Exception {
    ParentRun run = ParentRun.run(ParentRun.suite("tiny", ParentRun.RECORDING_LISTENER, "mproc.it.suite.", "TinyRows"),
        "-cores", "2", "-mproc.parentRuns", "true");
    assertEquals(run.exitCode, 0, run.output);
    assertTrue(run.output.contains("mproc: this JVM runs the tests alone: its tests are too small for a worker JVM to repay its"
        + " start-up"), run.output);
    assertEquals(run.events("test tiny ").size(), 150, run.output);
    assertEquals(run.pids("test tiny "), run.pids("listener "), "all in the parent");
    assertEquals(run.reportedTests().size(), 150, run.output);
    assertTrue(!run.output.contains("exited with code"), "no worker lost: " + run.output);
  }

  /**
   * A worker's start-up in the summary and the timeline is its own clock's: the parent, in a long
   * test of its own, reads the worker's ready message only after it, but the worker was ready before.
   */
  @Test
  public void aWorkerReadyWhileTheParentRunsALongTestIsShownReadyWhenItWas() throws Exception {
    ParentRun run = ParentRun.run(ParentRun.suite("long", ParentRun.RECORDING_LISTENER, "mproc.it.suite.", "LongFirst", "SlowA"),
        "-cores", "2", "-mproc.parentRuns", "true");
    assertWhileTheParentsLongTestRan(run, "worker-1", "ready");
  }

  /**
   * With {@code -cores 3} the second worker JVM starts while the parent is still in a long test of
   * its own: the read loop that starts workers waits for the parent's class to end, so the workers
   * still wanted are started beside it. Before, a 9 s class in the parent kept {@code -cores 4}'s
   * third and fourth JVMs from starting until it ended.
   */
  @Test
  public void moreWorkersStartWhileTheParentIsInALongTest() throws Exception {
    ParentRun run = ParentRun.run(ParentRun.suite("long", ParentRun.RECORDING_LISTENER, "mproc.it.suite.", "LongFirst", "SlowA", "PlanPlain", "PlanTimed"),
        "-cores", "3", "-mproc.parentRuns", "true");
    assertWhileTheParentsLongTestRan(run, "worker-2", "started");
  }

  /** The parent ran {@code LongFirst}'s 3 s test, and {@code lane}'s time {@code field} (timeline ms) came before it ended. */
  private static void assertWhileTheParentsLongTestRan(ParentRun run, String lane, String field) throws Exception {
    assertEquals(run.exitCode, 0, run.output);
    assertEquals(run.pids("test waitsThreeSeconds"), run.pids("listener "), "the parent ran the long test: " + run.output);
    double at = ((Number) timelineEntry(run, "lanes", "name", lane).get(field)).doubleValue();
    Map<String, Object> longTest = timelineEntry(run, "segments", "method", "waitsThreeSeconds");
    assertTrue(at > 0 && at < ((Number) longTest.get("end")).doubleValue(),
        lane + " " + field + " at " + at + ", before the parent's 3 s test ended: " + longTest + "\n" + run.output);
  }

  /** The first lane or segment of the run's timeline whose {@code key} is {@code value}. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> timelineEntry(ParentRun run, String list, String key, String value) throws Exception {
    Map<String, Object> timeline = (Map<String, Object>) MiniJson.parse(
        java.nio.file.Files.readString(run.outputDir.resolve("mproc-timeline.json")));
    return ((List<Map<String, Object>>) timeline.get(list)).stream()
        .filter(e -> value.equals(e.get(key))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + key + " " + value + " in the timeline's " + list + "\n" + run.output));
  }
}
