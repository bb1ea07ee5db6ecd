package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.List;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * TestNG features a worker's session must keep as the suite has them, each found by comparing real
 * suites run both ways: a {@code <class>}'s own {@code <parameter>}, a {@code dependsOnMethods}
 * inherited by two subclasses (TestNG links it to the method in both), a method that TestNG runs
 * as clones on a pool of its own ({@code threadPoolSize}), a listener that only observes declared
 * with {@code @Listeners} on one class, configuration methods that log and are
 * given parameters, a {@code @Factory} constructor or static method fed by a data provider, a
 * static {@code @Factory} without one, a factory class whose {@code @Factory} method makes the
 * instances of another class, a class one of whose methods depends on a method of another class, a class-level
 * {@code @Test(enabled = false)}, a {@code singleThreaded} class, an {@code @AfterMethod} that sets
 * its test's status. Run sequentially, in worker JVMs
 * only, and with the parent as one of the cores; each must report what the sequential run reports.
 */
public class SuiteFeaturesTest {
  private static final String SUITE = "<!DOCTYPE suite SYSTEM \"https://testng.org/testng-1.0.dtd\">\n<suite name=\"features\">\n"
      + ParentRun.PROBED.replace("</listeners>", "<listener class-name=\"mproc.it.suite.inherit.AltersAndReports\"/></listeners>")
      + "  <parameter name=\"level\" value=\"suite\"/>\n"
      + "  <test name=\"features\">\n    <classes>\n"
      + "      <class name=\"mproc.it.suite.inherit.ClassParameter\"><parameter name=\"level\" value=\"class\"/></class>\n"
      + "      <class name=\"mproc.it.suite.inherit.Holds\"/>\n"
      + "      <class name=\"mproc.it.suite.inherit.Breaks\"/>\n"
      + "      <class name=\"mproc.it.suite.inherit.Pooled\"/>\n"
      + "      <class name=\"mproc.it.suite.inherit.Observed\"/>\n"
      + "      <class name=\"mproc.it.suite.inherit.Configured\"/>\n"
      + "      <class name=\"mproc.it.suite.inherit.FactoryRows\"/>\n"
      + "      <class name=\"mproc.it.suite.inherit.FactoryMade\"/>\n"
      + "      <class name=\"mproc.it.suite.inherit.FactoryArray\"/>\n"
      + "      <class name=\"mproc.it.suite.inherit.MakesOthers\"/>\n"
      + "      <class name=\"mproc.it.suite.inherit.DependsAcross\"/>\n"
      + "      <class name=\"mproc.it.suite.inherit.DependedOn\"/>\n"
      + "      <class name=\"mproc.it.suite.inherit.DisabledAtClassLevel\"/>\n"
      + "      <class name=\"mproc.it.suite.inherit.StatusSetAfter\"/>\n"

      + "    </classes>\n  </test>\n</suite>\n";
  /**
   * The class parameter's test, Holds' two, Breaks' upstream failing and its downstream skipped,
   * three pooled, Observed's two, Configured's two, one for each of FactoryRows' two instances and
   * of FactoryMade's six, FactoryArray's four and the three MakesOthers makes, the third of each
   * failing; DependsAcross' three, DependedOn's one, the one of DisabledAtClassLevel that is enabled,
   * and StatusSetAfter's three, counted with the status they had as they ended (one failed).
   */
  private static final String SUMMARY = "Total tests run: 35, Passes: 29, Failures: 5, Skips: 1";
  private ThreeWays runs;
  private ParentRun sequential;

  @BeforeClass
  public void runTheSuiteThreeWays() throws Exception {
    runs = ThreeWays.run(SUITE);
    sequential = runs.sequential();
  }

  @Test
  public void theSequentialRunIsWhatTheseTestsExpect() {
    assertTrue(sequential.output.contains(SUMMARY), sequential.output);
  }

  @DataProvider
  public Object[][] distributed() {
    return ThreeWays.WAYS;
  }

  private ParentRun run(String way) {
    return runs.distributed(way);
  }

  @Test(dataProvider = "distributed")
  public void reportsAsTheSequentialRunDoes(String way) throws Exception {
    ParentRun run = run(way);
    assertTrue(run.output.contains(SUMMARY), run.output);
    assertEquals(run.exitCode, sequential.exitCode, run.output);
    DistributedRunTest.assertSameReports(Reports.testngResults(run.outputDir).withoutIdentityHashes(),
        Reports.testngResults(sequential.outputDir).withoutIdentityHashes());
    DistributedRunTest.assertSameReports(Reports.junitReports(run.outputDir), Reports.junitReports(sequential.outputDir));
  }

  /**
   * testng-failed.xml names the rows that failed ({@code invocation-numbers}: a factory's third
   * instance), so that a rerun runs only those; the parent's TestNG records them as each failed
   * result is replayed, as the worker's did. They were missing: a rerun ran every row.
   */
  @Test(dataProvider = "distributed")
  public void theRerunFileNamesTheFailedRows(String way) throws Exception {
    Reports rerun = Reports.failedRerun(run(way).outputDir);
    Reports sequentially = Reports.failedRerun(sequential.outputDir);
    assertTrue(sequentially.lines.stream().anyMatch(l -> l.contains("invocation-numbers=2")), sequentially.lines.toString());
    DistributedRunTest.assertSameReports(rerun, sequentially);
  }

  /**
   * A suite listener that alters the suite and reports is called once, in the parent, as
   * sequentially: it ran in every session too, and left a partial report in {@code test-output}.
   */
  @Test(dataProvider = "distributed")
  public void aSuiteAlteringReporterRunsOnce(String way) {
    ParentRun run = run(way);
    List<String> calls = run.events("altering-reporter ").stream().map(l -> l.substring(0, l.lastIndexOf(' '))).sorted().toList();
    assertEquals(calls, List.of("altering-reporter alter", "altering-reporter report", "altering-reporter start"), run.log.toString());
  }

  /**
   * A {@code singleThreaded} class runs in one JVM, all of it, though it has no class configuration
   * to keep it together; alone in its suite, two worker JVMs shared it.
   */
  @Test
  public void aSingleThreadedClassRunsInOneJvm() throws Exception {
    ParentRun run = ParentRun.run(ParentRun.suite("single", ParentRun.PROBED, "mproc.it.suite.inherit.", "OneAtATime"),
        "-cores", "2", "-mproc.parentRuns", "false");
    assertEquals(run.events("one-at-a-time ").size(), 8, run.log.toString());
    assertEquals(run.pids("one-at-a-time ").size(), 1, run.log.toString());
    assertEquals(ParentRun.unmatchedStartsAndEnds(run.log), List.of(), run.log.toString());
  }

  /** The pooled invocations run at once with the same instance and row: each start a listener hears ends once. */
  @Test(dataProvider = "distributed")
  public void listenersHearEachStartEndOnce(String way) {
    ParentRun run = run(way);
    assertEquals(ParentRun.unmatchedStartsAndEnds(run.log), List.of(), run.log.toString());
    assertEquals(run.log.stream().filter(l -> l.startsWith("probe PASS pooled ")).count(), 3L, run.log.toString());
  }

  /**
   * TestNG has a listener of a class's {@code @Listeners} hear every test of the run: it hears each
   * once, live, in the JVM that ran it (every session registers it; the parent does not replay to
   * it). It heard a worker's tests twice, there and in the parent.
   */
  @Test(dataProvider = "distributed")
  public void aClassesObservingListenerHearsEveryTestOnce(String way) {
    ParentRun run = run(way);
    List<String> heard = run.events("heard ").stream().map(l -> l.substring(0, l.lastIndexOf(' '))).sorted().toList();
    List<String> sequentially = sequential.events("heard ").stream().map(l -> l.substring(0, l.lastIndexOf(' '))).sorted().toList();
    assertEquals(sequentially.size(), 35, sequential.log.toString());
    assertEquals(heard, sequentially, run.log.toString());
  }
}
