package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.testng.annotations.Test;

/**
 * Fault injection with real parents and workers: a crash, crashes beyond the restart budget, a hang,
 * a worker that cannot start, a parent killed with -9 or interrupted. Each case asserts the report,
 * the exit code, that no worker is left, and that the run directory is gone.
 */
public class FaultsTest {
  private static final String FAULTS = "mproc.it.suite.faults.";

  static String suite(String extraParameters, String... classes) {
    return ParentRun.suite("faults", extraParameters + ParentRun.PROBED, FAULTS, classes);
  }

  private static void assertNothingLeft(ParentRun run) throws Exception {
    Path runs = run.outputDir.getParent().resolve("runs");
    assertTrue(ParentRun.workersUnder(runs).isEmpty(), "no worker is left");
    try (var dirs = Files.list(runs)) {
      assertEquals(dirs.count(), 0L, "the run directory is removed");
    }
  }

  @Test
  public void aCrashFailsTheTestInFlightAndTheRestOfItsUnitRunsOnceInAReplacement() throws Exception {
    ParentRun run = ParentRun.run(suite("", "CrashInGroup"), "-cores", "1");
    assertEquals(run.reportedTests().stream().sorted().toList(), List.of("g1 PASS", "g2 FAIL", "g3 PASS", "g4 PASS"), run.output);
    assertEquals(run.exitCode, 1, run.output);
    String xml = run.reportXml();
    assertTrue(xml.matches("(?s).*worker 1 \\(pid \\d+\\) exited with code 7 while running mproc\\.it\\.suite\\.faults\\.CrashInGroup\\.g2.*"), xml);
    assertTrue(xml.contains("about to crash"), "the worker's last output: " + xml);
    assertEquals(run.events("test g3").size(), 1, run.log.toString());
    assertEquals(run.events("test g4").size(), 1, run.log.toString());
    long crashed = ParentRun.pid(run.events("test g2").get(0));
    assertTrue(ParentRun.pid(run.events("test g3").get(0)) != crashed, "g3 ran in the replacement");
    assertTrue(run.output.contains("worker 2 (pid"), run.output);
    assertEquals(run.events("probe start g2 ").size(), 1, "listeners heard g2 start once, in the worker: " + run.log);
    assertEquals(ParentRun.unmatchedStartsAndEnds(run.log), List.of(), "the failure ends the started g2: " + run.log);
    assertNothingLeft(run);
  }

  /**
   * The first row has its result already: the row in flight must still fail, not vanish; a test that
   * depends on it cannot run without it, so it is skipped.
   */
  @Test
  public void aCrashInALaterDataRowFailsThatRow() throws Exception {
    ParentRun run = ParentRun.run(suite("", "CrashInDataRow"), "-cores", "1");
    assertEquals(run.reportedTests().stream().sorted().toList(), List.of("afterRows SKIP", "row FAIL", "row PASS"), run.output);
    assertEquals(run.exitCode, 3, "a failure and a skip, as TestNG counts them: " + run.output);
    assertTrue(run.reportXml().contains("before running mproc.it.suite.faults.CrashInDataRow.afterRows, which depends on"
        + " mproc.it.suite.faults.CrashInDataRow.row"), run.reportXml());
    assertFalse(run.output.contains("worker 2"), "the dependent test is not sent alone to a replacement: " + run.output);
    assertTrue(run.reportXml().matches("(?s).*worker 1 \\(pid \\d+\\) exited with code 7 while running mproc\\.it\\.suite\\.faults\\.CrashInDataRow\\.row.*"),
        run.reportXml());
    assertEquals(run.events("test row1").size(), 1, run.log.toString());
    assertTrue(run.events("test row3").isEmpty(), "rows after the crash are not run again: " + run.log);
    assertNothingLeft(run);
  }

  @Test
  public void aWorkerThatDiesInAfterSuiteIsNamedWithItsOutput() throws Exception {
    ParentRun run = ParentRun.run(suite("", "DiesAfterSuite"), "-cores", "1", "-mproc.jvmArgs", "-Dfaults.afterSuite=halt");
    assertEquals(run.reportedTests(), List.of("d1 PASS"), run.output);
    assertTrue(run.output.matches("(?s).*mproc: worker 1 \\(pid \\d+\\) exited with code 9 while running @AfterTest/@AfterSuite;"
        + " its last output:\n.*about to halt in @AfterSuite.*"), run.output);
    assertTrue(run.reportedConfigurations().contains("afterSuite FAIL"), "the @AfterSuite it died in fails: " + run.reportedConfigurations());
    assertNothingLeft(run);
  }

  @Test
  public void aWorkerHungInAfterSuiteIsStoppedAtTheTimeoutWithAThreadDump() throws Exception {
    ParentRun run = ParentRun.run(suite("", "DiesAfterSuite"), "-cores", "1", "-mproc.timeout", "2");
    assertEquals(run.reportedTests(), List.of("d1 PASS"), run.output);
    assertTrue(run.output.matches("(?s).*mproc: worker 1 \\(pid \\d+\\) ran @AfterTest/@AfterSuite for longer than"
        + " mproc.timeout \\(2 s\\) and was stopped; its threads:\n.*DiesAfterSuite\\.afterSuite.*"), run.output);
    assertNothingLeft(run);
  }

  /** The failure goes to the instance whose row was in flight, whatever the other instance has. */
  @Test
  public void aCrashInOneFactoryInstanceFailsThatInstance() throws Exception {
    ParentRun run = ParentRun.run(suite("", "CrashInFactory"), "-cores", "1");
    String xml = run.reportXml();
    java.util.regex.Matcher failed = java.util.regex.Pattern.compile("<test-method[^>]*instance:([^,\\]]*)[^>]*status=\"FAIL\"").matcher(xml);
    assertTrue(failed.find(), xml);
    assertEquals(failed.group(1), "factory-0", xml);
    assertFalse(failed.find(), "one failure: " + xml);
    assertEquals(run.events("test row 0.2").size(), 1, run.log.toString());
  }

  @Test
  public void beyondMaxWorkerRestartsWhatIsLeftIsSkippedWithTheReason() throws Exception {
    ParentRun run = ParentRun.run(suite("", "AlwaysCrashes"), "-cores", "1", "-mproc.maxWorkerRestarts", "1");
    List<String> reported = run.reportedTests().stream().sorted().toList();
    assertEquals(reported, List.of("c1 FAIL", "c2 FAIL", "c3 SKIP", "c4 SKIP"), run.output);
    assertTrue(run.exitCode != 0, run.output);
    assertTrue(run.reportXml().contains("mproc.maxWorkerRestarts (1) is used up"), run.reportXml());
    assertNothingLeft(run);
  }

  @Test
  public void aHungTestIsStoppedAtTheTimeoutWithAThreadDumpAndTheRunGoesOn() throws Exception {
    // 3 s: the replacement's start-up on a busy machine must stay well inside it (it holds a unit then)
    ParentRun run = ParentRun.run(suite("", "Hangs"), "-cores", "1", "-mproc.timeout", "3");
    assertEquals(run.reportedTests().stream().sorted().toList(), List.of("after PASS", "hangs FAIL", "testngTimeOut FAIL"), run.output);
    String xml = run.reportXml();
    assertTrue(xml.matches("(?s).*mproc\\.timeout: mproc\\.it\\.suite\\.faults\\.Hangs\\.hangs ran longer than 3 s in worker 1 \\(pid \\d+\\), which was stopped; its threads:.*"), xml);
    assertTrue(xml.contains("mproc.it.suite.faults.Hangs.hangs(Hangs.java:"), "the dump shows where it hung: " + xml);
    assertTrue(xml.contains("its threads:\n\"main\" TIMED_WAITING"), "the test thread first: " + xml);
    assertTrue(xml.contains("ThreadTimeoutException"), "TestNG's own timeOut: " + xml);
    Set<Long> pids = run.pids("test ");
    assertEquals(pids.size(), 2, "a replacement ran what was left: " + run.log);
    assertNothingLeft(run);
  }

  /** Nothing is in flight, so the test timer does not run; the worker's silence while it holds work does. */
  @Test
  public void aWorkerHungInBeforeClassIsStoppedAtTheTimeoutAndItsClassSkippedNotRetried() throws Exception {
    ParentRun run = ParentRun.run(suite("", "HangsInBeforeClass", "Quick"), "-cores", "1", "-mproc.timeout", "3");
    assertEquals(run.reportedTests().stream().sorted().toList(), List.of("never1 SKIP", "never2 SKIP", "q1 PASS", "q2 PASS"), run.output);
    assertTrue(run.output.matches("(?s).*mproc: mproc.timeout: worker 1 \\(pid \\d+\\) ran configuration method"
        + " mproc.it.suite.faults.HangsInBeforeClass.setUp for longer than 3 s, and was stopped; its threads:.*"), run.output);
    assertEquals(run.reportedConfigurations(), List.of("setUp FAIL"), "the configuration method it hung in fails: " + run.output);
    assertTrue(run.reportXml().contains("mproc.it.suite.faults.HangsInBeforeClass.setUp(HangsInBeforeClass.java:"), "the dump: " + run.reportXml());
    assertEquals(run.events("beforeClass HangsInBeforeClass").size(), 1, "not retried in the replacement: " + run.log);
    assertNothingLeft(run);
  }

  /**
   * A lazy data provider makes each row between two tests: a row that never comes is a step like a
   * hung data provider, named as one, and fails the method (its earlier rows keep their results).
   */
  @Test
  public void aLazyDataRowThatNeverComesIsStoppedAtTheTimeoutAndFailsItsMethod() throws Exception {
    ParentRun run = ParentRun.run(suite("", "HangsInLazyRow", "Quick"), "-cores", "1", "-mproc.timeout", "3");
    assertEquals(run.reportedTests().stream().sorted().toList(), List.of("q1 PASS", "q2 PASS", "row FAIL", "row PASS"), run.output);
    assertEquals(run.exitCode, 1, "the lost row is a failure: " + run.output);
    assertTrue(run.output.matches("(?s).*mproc: mproc.timeout: worker 1 \\(pid \\d+\\) ran the next row of the data provider of"
        + " mproc.it.suite.faults.HangsInLazyRow.row for longer than 3 s, and was stopped; its threads:.*"), run.output);
    assertTrue(run.reportXml().contains("mproc.it.suite.faults.HangsInLazyRow$1.next(HangsInLazyRow.java:"), "the dump: " + run.reportXml());
    assertEquals(run.events("test row1").size(), 1, run.log.toString());
    assertTrue(run.events("test row3").isEmpty(), "rows after the lost one are not run: " + run.log);
    assertNothingLeft(run);
  }

  /** The same for a row made in {@code hasNext}, which TestNG asks for after the test of a method with groups. */
  @Test
  public void aLazyDataRowMadeWhenTestNGAsksForMoreIsStoppedAndFailsToo() throws Exception {
    ParentRun run = ParentRun.run(suite("", "HangsInLazyRowWithGroups"), "-cores", "1", "-mproc.timeout", "3");
    assertEquals(run.reportedTests().stream().sorted().toList(), List.of("row FAIL", "row PASS"), run.output);
    assertTrue(run.output.contains("ran the next row of the data provider of mproc.it.suite.faults.HangsInLazyRowWithGroups.row"
        + " for longer than 3 s"), run.output);
    assertNothingLeft(run);
  }

  /** The timeout applies to each step outside a test, not to their sum: 3 x 1.5 s against 3 s. */
  @Test
  public void slowStepsBeforeTheFirstTestEachWithinTheTimeoutAreNotAHang() throws Exception {
    ParentRun run = ParentRun.run(suite("", "SlowSetUp"), "-cores", "1", "-mproc.timeout", "3");
    assertEquals(run.reportedTests(), List.of("ready PASS"), run.output);
    assertFalse(run.output.contains("was stopped"), run.output);
    assertNothingLeft(run);
  }

  @Test
  public void aWorkerThatCannotStartStopsTheRunWithItsCommandAndOutput() throws Exception {
    long start = System.nanoTime();
    ParentRun run = ParentRun.run(suite("", "Hangs"), "-cores", "2", "-mproc.jvmArgs", "-Xbogus");
    assertTrue(System.nanoTime() - start < 60_000_000_000L, "within seconds");
    assertEquals(run.exitCode, 1, run.output);
    assertTrue(run.output.contains("mproc: worker 1 (pid"), run.output);
    assertTrue(run.output.contains("before it was ready; check mproc.jvmArgs and the class path"), run.output);
    assertTrue(run.output.contains("  command: ") && run.output.contains(" -Xbogus "), run.output);
    assertTrue(run.output.contains("    Unrecognized option: -Xbogus"), run.output);
    assertTrue(run.events("test ").isEmpty());
    assertNothingLeft(run);
  }

  /**
   * With {@code -cores} on the command line the run starts before TestNG reads the suite; a worker
   * option the suite gives as a parameter still reaches the workers (here one they cannot start with).
   */
  @Test
  public void aSuiteParameterForTheWorkersAppliesWhenTheCommandLineStartedTheRun() throws Exception {
    ParentRun run = ParentRun.run(suite("  <parameter name=\"mproc.jvmArgs\" value=\"-Xbogus\"/>\n", "Hangs"), "-cores", "1");
    assertEquals(run.exitCode, 1, run.output);
    assertTrue(run.output.contains("before it was ready; check mproc.jvmArgs and the class path"), run.output);
    assertTrue(run.output.contains(" -Xbogus "), run.output);
    assertTrue(run.events("test ").isEmpty());
    assertNothingLeft(run);
  }

  @Test
  public void whenTheParentIsKilledWorkersExitAndALaterRunRemovesItsDirectory() throws Exception {
    ParentRun.Running running = ParentRun.start(true, suite("", "Slow"), "-cores", "2");
    awaitEvent(running, "test s");
    assertTrue(!ParentRun.workersUnder(running.runs()).isEmpty());
    running.process.destroyForcibly().waitFor(); // kill -9
    assertNoWorkerWithin5s(running, "workers noticed within seconds");
    try (var dirs = Files.list(running.runs())) {
      assertEquals(dirs.count(), 1L, "the dead run's directory is still there");
    }
    String otherSuite = GroupsTest.suite("Independent");
    ParentRun later = ParentRun.startIn(running.dir, otherSuite, "-cores", "1").await();
    assertEquals(later.exitCode, 0, later.output);
    try (var dirs = Files.list(running.runs())) {
      assertEquals(dirs.count(), 0L, "the later run removed it");
    }
  }

  /** mproc.TestNG restarts itself with Chronicle's flags: a kill -9 of the JVM the user started ends that one too. */
  @Test
  public void whenTheLauncherIsKilledTheRestartedParentAndItsWorkersStopSilently() throws Exception {
    ParentRun.Running running = ParentRun.start(false, suite("", "Slow"), "-cores", "2");
    awaitEvent(running, "test s");
    List<ProcessHandle> started = running.process.descendants().toList();
    assertTrue(started.size() >= 2, "a restarted parent and its workers: " + started);
    running.process.destroyForcibly().waitFor(); // kill -9 of the launcher
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (started.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(started.stream().noneMatch(ProcessHandle::isAlive), "still alive: " + started.stream().filter(ProcessHandle::isAlive).toList());
    try (var dirs = Files.list(running.runs())) {
      assertEquals(dirs.count(), 0L, "the restarted parent removed its run directory on the way out");
    }
  }

  @Test
  public void anInterruptedParentStopsWorkersClosesGlobalFixturesAndRemovesItsDirectory() throws Exception {
    String parameters = "  <parameter name=\"mproc.fixtures\" value=\"mproc.it.suite.fixtures.SharedFixtures\"/>\n";
    // A later <test> that would want more workers than the first started (3 against 2).
    String secondTest = "  <test name=\"second\">\n    <classes>\n      <class name=\"" + FAULTS + "Slow\"/>\n"
        + "      <class name=\"" + FAULTS + "Hangs\"/>\n      <class name=\"" + FAULTS + "RowsNeverMade\"/>\n    </classes>\n  </test>\n";
    ParentRun.Running running = ParentRun.start(true, suite(parameters, "SlowWithToken").replace("</suite>", secondTest + "</suite>"), "-cores", "3");
    awaitEvent(running, "test t");
    running.process.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hooks run
    assertTrue(running.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
    List<String> log = running.logLines();
    assertEquals(log.stream().filter(l -> l.startsWith("close token ")).count(), 1L, "fixture closed: " + log);
    assertNoWorkerWithin5s(running, "workers stopped");
    try (var dirs = Files.list(running.runs())) {
      assertEquals(dirs.count(), 0L, "the run directory is removed");
    }
    String report = Files.readString(running.out.resolve("testng-results.xml"));
    assertTrue(report.contains("status=\"SKIP\"") && report.contains("the run was interrupted (Ctrl-C or SIGTERM)"),
        "TestNG's reports are written, unfinished tests skipped: " + report);
    assertTrue(report.matches("(?s).*<test-method[^>]*name=\"s1\"[^>]*status=\"SKIP\".*"), "the later <test> is skipped too: " + report);
    assertTrue(running.logLines().stream().noneMatch(l -> l.startsWith("test s")), "and nothing of it ran: " + running.logLines());
    // A data-driven test whose rows were never made is one skip, which says so.
    assertEquals(report.split("name=\"row\"", -1).length - 1, 1, report);
    assertTrue(report.contains("before running mproc.it.suite.faults.RowsNeverMade.row; its data provider was never called,"
        + " so this one skip stands for all its rows"), report);
    assertEquals(ParentRun.unmatchedStartsAndEnds(running.logLines()), List.of(),
        "the tests in flight were ended (skipped): " + running.logLines());
  }

  /**
   * Interrupted while the parent runs a test of its own (the default, mproc.parentRuns): its session
   * claims nothing more, the test in flight ends, the reports are written with the rest skipped.
   */
  @Test
  public void anInterruptedParentRunningItsOwnTestEndsItAndSkipsTheRest() throws Exception {
    ParentRun.Running running = ParentRun.start(true, suite("", "Seconds"), "-cores", "2", "-mproc.parentRuns", "true");
    awaitEvent(running, "test sec");
    running.process.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the shutdown hooks run
    assertTrue(running.process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS));
    List<String> log = running.logLines();
    assertTrue(log.stream().filter(l -> l.startsWith("test sec")).count() < 8, "not everything ran: " + log);
    assertNoWorkerWithin5s(running, "workers stopped");
    try (var dirs = Files.list(running.runs())) {
      assertEquals(dirs.count(), 0L, "the run directory is removed");
    }
    String report = Files.readString(running.out.resolve("testng-results.xml"));
    assertTrue(report.contains("the run was interrupted (Ctrl-C or SIGTERM)"), "the rest skipped: " + report);
    assertEquals(report.split("<test-method ", -1).length - 1, 8, "every test once: " + report);
    assertEquals(ParentRun.unmatchedStartsAndEnds(log), List.of(), "the tests in flight were ended: " + log);
  }

  @Test
  public void aClassThatIsNotOnTheClassPathIsOneLineBeforeAnyTestRuns() throws Exception {
    ParentRun run = ParentRun.run(suite("", "Slow").replace(FAULTS + "Slow", "no.such.Klass"), "-cores", "2");
    assertEquals(run.exitCode, 1, run.output);
    assertTrue(run.output.trim().matches("mproc: class 'no\\.such\\.Klass' of suite file '.*suite\\.xml' is not on the class path; check its name and the class path"), run.output);
  }

  private static void assertNoWorkerWithin5s(ParentRun.Running running, String what) throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!ParentRun.workersUnder(running.runs()).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(ParentRun.workersUnder(running.runs()).isEmpty(), what);
  }

  private static void awaitEvent(ParentRun.Running running, String prefix) throws Exception {
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (running.logLines().stream().noneMatch(l -> l.startsWith(prefix))) {
      assertTrue(System.nanoTime() < deadline, "no '" + prefix + "' within 60 s");
      assertTrue(running.process.isAlive(), "the parent ended early");
      Thread.sleep(100);
    }
  }
}
