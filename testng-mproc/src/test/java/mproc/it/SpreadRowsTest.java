package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import mproc.TempDirs;
import org.testng.annotations.Test;

/**
 * A data provider's rows spread over the workers (issue 18): each row runs once, in whichever JVM
 * claims it first, and the parent reports every row as a sequential run does.
 */
public class SpreadRowsTest {
  private static final String SUITE = ParentRun.suite("spread", ParentRun.PROBED, "mproc.it.suite.spread.", "Cities", "LazyTowns", "Dependent", "Picked");

  @Test
  public void rowsOfOneMethodRunInSeveralJvmsEachOnceAndAreReportedAsSequentially() throws Exception {
    ParentRun sequential = ParentRun.run(SUITE);
    // Three workers: one runs Cities, one LazyTowns, and the one that ran Dependent (and then those
    // that end first) helps with the rows left.
    ParentRun spread = ParentRun.run(SUITE, "-cores", "3");
    assertEquals(spread.exitCode, sequential.exitCode, spread.output);
    DistributedRunTest.assertSameReports(Reports.testngResults(spread.outputDir), Reports.testngResults(sequential.outputDir));
    assertEquals(ParentRun.unmatchedStartsAndEnds(spread.log), List.of(), "every start a listener heard has its end");
    for (int i = 0; i < 12; i++) {
      assertEquals(spread.events("test visit city-" + i + " ").size(), 1, "city-" + i + " once: " + spread.log);
    }
    for (int i = 0; i < 12; i++) {
      assertEquals(spread.events("test stay town-" + i + " ").size(), 1, "town-" + i + " once: " + spread.log);
    }
    assertEquals(spread.events("before visit").size(), 12, "@BeforeMethod once per row, in the JVM that runs it");
    assertTrue(spread.pids("test visit").size() >= 2, "the rows of one method ran in two JVMs: " + spread.log);
    assertTrue(spread.pids("test stay").size() >= 2, "a lazy provider's too: " + spread.log);
    assertEquals(spread.pids("test step").size(), 1, "rows another test depends on stay in one JVM: " + spread.log);
    assertEquals(spread.events("test pick").stream().map(e -> e.split(" ")[2]).sorted().toList(), List.of("p1", "p3", "p4"),
        "the rows the provider's indices pick, each once");
    for (String method : List.of("visit", "stay")) {
      assertEquals(probed(spread, method), probed(sequential, method),
          "listeners hear each row's start and end in turn, named and counted as sequentially");
    }
  }

  /** What the probe heard of this method's invocations, in order, without what differs between runs. */
  private static List<String> probed(ParentRun run, String method) {
    return run.events("probe ").stream()
        .filter(l -> l.split(" ")[2].equals(method))
        .map(l -> l.replaceAll(" result=.*", ""))
        .toList();
  }

  /**
   * A worker dies in a row: that row fails with the reason, every other row runs once (the rows it
   * had not reached go to the JVMs left), and the report lists each row once.
   */
  @Test
  public void aWorkerThatDiesInARowFailsThatRowAndTheOtherRowsRunOnce() throws Exception {
    Path marker = TempDirs.directory("spread").resolve("died");
    ParentRun run = ParentRun.run(ParentRun.suite("spread", ParentRun.PROBED, "mproc.it.suite.spread.", "Cities"),
        "-cores", "2", "-mproc.jvmArgs", "-Dspread.dieAt=3 -Dspread.marker=" + marker);
    assertTrue(Files.exists(marker), "a worker JVM reached row 3: " + run.output);
    List<String> visits = run.reportedTests();
    assertEquals(visits.size(), 12, "one result per row: " + visits + "\n" + run.output);
    assertEquals(visits.stream().filter(v -> v.endsWith("FAIL")).count(), 2L, "city-3 (the crash) and city-7: " + visits);
    assertTrue(run.reportXml().matches("(?s).*worker \\d+ \\(pid \\d+\\) exited with code 7 while running mproc\\.it\\.suite\\.spread\\.Cities\\.visit.*"),
        run.reportXml());
    for (int i : IntStream.range(0, 12).filter(i -> i != 3).toArray()) {
      assertEquals(run.events("test visit city-" + i + " ").size(), 1, "city-" + i + " once: " + run.log);
    }
    assertEquals(ParentRun.unmatchedStartsAndEnds(run.log), List.of(), "every start a listener heard has its end");
  }

  /**
   * A helper stuck before a row it claimed (in its {@code @BeforeMethod}) holds that row: at
   * {@code mproc.timeout} it is stopped with its threads, the row is skipped with the reason, and
   * the run ends with every other row once.
   */
  @Test
  public void aHelperStuckBeforeItsRowIsStoppedAtTheTimeoutAndTheRowIsSkipped() throws Exception {
    Path marker = TempDirs.directory("spread").resolve("hung");
    ParentRun run = ParentRun.run(ParentRun.suite("spread", ParentRun.PROBED, "mproc.it.suite.spread.", "HelperHangs"),
        "-cores", "2", "-mproc.timeout", "3", "-mproc.jvmArgs", "-Dspread.marker=" + marker);
    List<String> hung = run.events("hangs before row ");
    assertEquals(hung.size(), 1, "a helper joined and hung: " + run.log + "\n" + run.output);
    String row = hung.get(0).split(" ")[3];
    List<String> results = run.reportedTests();
    assertEquals(results.size(), 10, "one result per row: " + results + "\n" + run.output);
    assertEquals(results.stream().filter(r -> r.endsWith("SKIP")).count(), 1L, results.toString());
    assertTrue(run.output.contains("mproc.timeout"), run.output);
    for (int i = 0; i < 10; i++) {
      assertEquals(run.events("test row " + i + " ").size(), String.valueOf(i).equals(row) ? 0 : 1, "row " + i + ": " + run.log);
    }
  }

  /**
   * Rows TestNG skips for a failed {@code @BeforeMethod} (index -1) end the run as sequentially: the
   * run never ended, the parent waiting for those rows' results in row order.
   */
  @Test
  public void rowsSkippedForAFailedSetUpEndTheRunAsSequentially() throws Exception {
    String suite = ParentRun.suite("spread", ParentRun.PROBED, "mproc.it.suite.spread.", "SetupFails");
    ParentRun sequential = ParentRun.run(suite);
    ParentRun run = ParentRun.run(suite, "-cores", "2");
    assertTrue(sequential.output.contains("Total tests run: 8, Passes: 2, Failures: 0, Skips: 6"), sequential.output);
    assertTrue(run.output.contains("Total tests run: 8, Passes: 2, Failures: 0, Skips: 6"), run.output);
    assertEquals(run.exitCode, sequential.exitCode, run.output);
    List<String> local = sequential.reportedTests();
    List<String> remote = run.reportedTests();
    Collections.sort(local);
    Collections.sort(remote);
    assertEquals(remote, local, run.output);
  }

  @Test
  public void withSpreadRowsOffTheRowsStayInOneJvm() throws Exception {
    ParentRun run = ParentRun.run(ParentRun.suite("spread", ParentRun.PROBED, "mproc.it.suite.spread.", "Cities"),
        "-cores", "2", "-mproc.spreadRows", "false");
    assertEquals(run.reportedTests().size(), 12, run.output);
    Set<Long> pids = run.pids("test visit");
    assertEquals(pids.size(), 1, run.log.toString());
  }
}
