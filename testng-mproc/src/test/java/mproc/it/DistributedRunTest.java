package mproc.it;

import mproc.TempDirs;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Real parents, real worker JVMs, real Chronicle queues: runs one suite with two workers and once
 * in-process, and asserts on what ran where and what the parent reported.
 */
public class DistributedRunTest {
  static final List<String> EXPECTED_TESTS =
      List.of(
          "a1 PASS", "a2 PASS", "a3 PASS", "a4 PASS", "a5 PASS", "a6 PASS",
          "passes PASS", "fails FAIL", "skips SKIP", "expectsAnException PASS",
          "failsWithAnUnserializableException FAIL",
          "rowsArePassedWithTheirParameters PASS", "rowsArePassedWithTheirParameters PASS",
          "rowsArePassedWithTheirParameters PASS", "lazyRowsArePassedToo PASS", "lazyRowsArePassedToo PASS",
          "repeated PASS", "repeated PASS", "repeated PASS",
          "slug PASS", "slug PASS", "slug PASS", "slug PASS", "slug PASS", "sleeps PASS");

  private ParentRun distributed;
  private ParentRun sequential;

  @BeforeClass
  public void runTheSuiteBothWays() throws Exception {
    distributed = ParentRun.run(ParentRun.SUITE, "-cores", "2");
    sequential = ParentRun.run(ParentRun.SUITE);
  }

  @Test
  public void everyTestRanExactlyOnceInAWorker() {
    List<String> tests = assertEachTestRanOnce(distributed);
    Set<Long> pids = tests.stream().map(ParentRun::pid).collect(Collectors.toSet());
    Set<Long> parent = distributed.pids("listener ");
    assertFalse(pids.stream().anyMatch(parent::contains), "no test ran in the parent");
    // SlowA has a @BeforeClass, so it is one unit, and the second <test> is short: one worker may run
    // all of it. Spreading over workers is SchedulingTest's.
    assertFalse(pids.isEmpty(), "tests ran in workers: " + tests);
  }

  /** Each of {@link ParentRun#SUITE}'s tests ran once (the repeated one three times); returns what ran, with pids. */
  static List<String> assertEachTestRanOnce(ParentRun run) {
    List<String> tests = run.events("test ");
    Map<String, Long> counts =
        tests.stream().map(l -> l.substring(0, l.lastIndexOf(' '))).collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    for (String name : List.of("a1", "a2", "a3", "a4", "a5", "a6", "passes", "fails", "skips", "rows1", "rows2", "rows3",
        "slug alpha", "slug epsilon", "sleeps")) {
      assertEquals(counts.get("test " + name), Long.valueOf(1), name + " in " + tests + "\n" + run.output);
    }
    assertEquals(counts.get("test repeated"), Long.valueOf(3));
    return tests;
  }

  @Test
  public void theParentReportsWhatASequentialRunReports() throws Exception {
    List<String> remote = distributed.reportedTests();
    List<String> local = sequential.reportedTests();
    Collections.sort(remote);
    Collections.sort(local);
    List<String> expected = new java.util.ArrayList<>(EXPECTED_TESTS);
    Collections.sort(expected);
    assertEquals(local, expected, "sequential run:\n" + sequential.output);
    assertEquals(remote, expected, "distributed run:\n" + distributed.output);
  }

  @Test
  public void exitCodeAndSummaryMatchTheSequentialRun() {
    assertEquals(sequential.exitCode, 3, sequential.output); // failures (1) and skips (2), as TestNG counts
    assertEquals(distributed.exitCode, sequential.exitCode, distributed.output);
    String summary = "Total tests run: 25, Passes: 22, Failures: 2, Skips: 1";
    assertTrue(sequential.output.contains(summary), sequential.output);
    assertTrue(distributed.output.contains(summary), distributed.output);
  }

  @Test
  public void userListenersInTheParentHearOfEveryRemoteResultWithItsWorker() {
    List<String> heard = distributed.events("listener ");
    assertEquals(heard.size(), EXPECTED_TESTS.size(), heard.toString());
    Set<Long> workers = distributed.pids("test ");
    Set<Long> listeners = heard.stream().map(ParentRun::pid).collect(Collectors.toSet());
    assertEquals(listeners.size(), 1, "one JVM, the parent: " + heard);
    assertFalse(workers.containsAll(listeners), "listeners do not run in workers: " + heard);
    for (String line : heard) {
      assertTrue(line.matches("listener \\w+ \\w+ worker-[12] \\d+"), "result's host is its worker: " + line);
    }
  }

  /**
   * A listener hears of a remote test's start when the worker starts it, not when its result comes:
   * Surefire times a test between the two calls. Both calls get the same result object.
   */
  @Test
  public void listenersHearOfATestsStartWhenItStartsAndOfItsEndOnTheSameResult() {
    String start = distributed.events("probe start sleeps ").get(0);
    String end = distributed.events("probe PASS sleeps ").get(0);
    long gap = field(end, "at") - field(start, "at");
    assertTrue(gap >= 250, "onTestStart came " + gap + " ms before onTestSuccess of a test that sleeps 300 ms:\n" + start + "\n" + end);
    assertEquals(field(end, "result"), field(start, "result"), "the same ITestResult");
  }

  private static long field(String event, String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(" " + name + "=(\\d+)").matcher(event);
    assertTrue(m.find(), name + " in " + event);
    return Long.parseLong(m.group(1));
  }

  /**
   * What a listener sees at each start and end, method by method in order: Surefire's name (with the
   * method's current invocation count), the invocation count, the parameter index, the status, and
   * whether the result is Reporter's current one; equal to the sequential run's.
   */
  @Test
  public void listenersSeeEachInvocationNamedAndCountedAsInASequentialRun() {
    List<String> remote = probed(distributed);
    List<String> local = probed(sequential);
    assertEquals(local.size(), 2 * EXPECTED_TESTS.size(), local.toString());
    assertEquals(remote, local);
    assertTrue(local.contains("probe PASS slug name=slug[epsilon](5) count=5 index=4 status=1 current=true"), local.toString());
  }

  /** The probe's events without what differs between runs (time, identity, pid), by method, each method's in order. */
  private static List<String> probed(ParentRun run) {
    return run.events("probe ").stream()
        .filter(l -> !l.startsWith("probe invoked"))
        .map(l -> l.replaceAll(" result=.*", ""))
        .sorted(java.util.Comparator.comparing(l -> l.split(" ")[2])) // stable: each method's invocations keep their order
        .toList();
  }

  /** ISuite.getAllInvokedMethods: what an IDE shows as the suite's method count. */
  @Test
  public void theSuiteListsItsInvokedTestMethodsAsInASequentialRun() {
    List<String> local = sequential.events("probe invoked tests=");
    assertEquals(local.size(), 1, sequential.log.toString());
    assertTrue(local.get(0).startsWith("probe invoked tests=" + EXPECTED_TESTS.size() + " "), local.toString());
    List<String> remote = distributed.events("probe invoked tests=");
    assertEquals(remote.stream().map(l -> l.split(" ")[2]).toList(), local.stream().map(l -> l.split(" ")[2]).toList());
  }

  /**
   * testng-results.xml element by element and attribute by attribute (names, signatures, statuses,
   * parameters, data providers, exceptions and their messages, Reporter output, counts), but clock
   * times and the runner's stack frames; each test of 200 ms or more within half to twice its time.
   */
  @Test
  public void testngResultsXmlMatchesTheSequentialRun() throws Exception {
    assertSameReports(Reports.testngResults(distributed.outputDir), Reports.testngResults(sequential.outputDir));
    assertTrue(distributed.reportXml().contains("name=\"slug\" data-provider=\"slugs\""), distributed.reportXml());
  }

  /** The JUnit reports (junitreports/TEST-*.xml), read the same way. */
  @Test
  public void junitReportsMatchTheSequentialRun() throws Exception {
    assertSameReports(Reports.junitReports(distributed.outputDir), Reports.junitReports(sequential.outputDir));
  }

  static void assertSameReports(Reports remote, Reports local) {
    List<String> missing = new java.util.ArrayList<>(local.lines);
    remote.lines.forEach(missing::remove);
    List<String> extra = new java.util.ArrayList<>(remote.lines);
    local.lines.forEach(extra::remove);
    // Configuration is listed once per worker that ran it: the same lines, maybe more often.
    extra.removeIf(l -> l.startsWith("config ") && local.lines.contains(l));
    assertTrue(missing.isEmpty() && extra.isEmpty(), "only sequentially:\n" + String.join("\n", missing)
        + "\nonly with workers:\n" + String.join("\n", extra));
    assertEquals(remote.durations.keySet(), local.durations.keySet());
    local.durations.forEach((line, ms) -> {
      long theirs = remote.durations.get(line);
      if (ms >= 200) { // shorter ones are noise
        assertTrue(theirs >= ms / 2 && theirs <= ms * 2, line + ": " + theirs + " ms with workers, " + ms + " ms sequentially");
      }
    });
  }

  @Test
  public void failuresKeepTheirMessageStackAndCauseEvenWhenTheParentCannotRebuildThem() throws Exception {
    String xml = distributed.reportXml();
    assertTrue(xml.contains("one is not two"), "assertion message");
    assertTrue(xml.contains("mproc.it.suite.MixedB$Unserializable: the worker's own exception"), "original class and message");
    assertTrue(xml.contains("Caused by: java.io.IOException: root cause"), "cause chain");
    assertTrue(xml.contains("at mproc.it.suite.MixedB.failsWithAnUnserializableException(MixedB.java"), "stack trace");
  }

  @Test
  public void parametersAndReporterOutputReachTheParent() throws Exception {
    String xml = distributed.reportXml();
    for (String label : List.of("Opaque(one)", "Opaque(two)", "Opaque(three)", "Opaque(lazy one)", "Opaque(lazy two)")) {
      assertTrue(xml.contains(label), label + " in report");
    }
    assertTrue(xml.contains("hello from the worker"), "Reporter.log output");
  }

  @Test
  public void suiteLevelConfigurationRunsOncePerWorkerAndBeforeClassOncePerWorkerPerClass() {
    Set<Long> workers = distributed.pids("test ");
    List<String> before = distributed.events("beforeSuite");
    List<String> after = distributed.events("afterSuite");
    Set<Long> beforePids = before.stream().map(ParentRun::pid).collect(Collectors.toSet());
    assertEquals(before.size(), beforePids.size(), "at most once per JVM: " + before);
    // In every JVM that ran tests; also in one whose only session of the second <test> helped with
    // rows that were gone by then (the first <test>'s @BeforeSuite runs in every session of the suite).
    assertTrue(beforePids.containsAll(workers) && beforePids.size() >= 1, before + " " + workers);
    assertEquals(after.stream().map(ParentRun::pid).collect(Collectors.toSet()), beforePids, "after-suite where before-suite ran");
    List<String> beforeClass = distributed.events("beforeClass SlowA");
    assertEquals(beforeClass.size(), beforeClass.stream().map(ParentRun::pid).distinct().count(), beforeClass.toString());
  }

  @Test
  public void configurationMethodsThatRanInWorkersAreReportedOnceEach() throws Exception {
    List<String> remote = distributed.reportedConfigurations();
    List<String> local = sequential.reportedConfigurations();
    long beforeEach = local.stream().filter("beforeEach PASS"::equals).count();
    assertEquals(beforeEach, 13, "one per invocation of MixedB's tests: " + local);
    assertEquals(remote.stream().filter("beforeEach PASS"::equals).count(), beforeEach, remote.toString());
    assertEquals(remote.stream().filter("beforeClass PASS"::equals).count(), (long) distributed.events("beforeClass SlowA").size(),
        "once for each worker that ran SlowA's @BeforeClass, none for those that passed over it: " + remote);
    assertEquals(remote.stream().filter("beforeSuite PASS"::equals).count(), 1L, "suite level: listed once, as sequentially");
  }

  @Test
  public void withoutCoresTheSuiteRunsInProcessWithNoWorkers() throws Exception {
    Set<Long> pids = sequential.pids("test ");
    assertEquals(pids, Set.of(sequential.parentPid));
    assertFalse(sequential.output.contains("[worker-"), sequential.output);
    assertEquals(sequential.events("beforeSuite").size(), 1);
  }

  @Test
  public void theRunDirectoryIsRemoved() throws Exception {
    try (var runs = Files.list(distributed.outputDir.getParent().resolve("runs"))) {
      assertEquals(runs.count(), 0L);
    }
  }

  /** TestNG runs the two suites on two threads; the run serves their tests one at a time. */
  @Test
  public void suitesRunInParallelByTestNGShareTheWorkers() throws Exception {
    Path other = TempDirs.file("mproc-other-suite", ".xml");
    try {
      Files.writeString(other, ParentRun.suite("other", ParentRun.RECORDING_LISTENER, "mproc.it.suite.", "PlanPlain"));
      ParentRun both = ParentRun.run(ParentRun.suite("one", ParentRun.RECORDING_LISTENER, "mproc.it.suite.", "SlowA"),
          "-cores", "2", "-suitethreadpoolsize", "2", other.toString());
      assertEquals(both.reportedTests().stream().sorted().toList(),
          List.of("a PASS", "a1 PASS", "a2 PASS", "a3 PASS", "a4 PASS", "a5 PASS", "a6 PASS", "b PASS"), both.output);
      for (String t : List.of("a1", "a2", "a3", "a4", "a5", "a6")) {
        assertEquals(both.events("test " + t).size(), 1, both.log.toString());
      }
      assertEquals(both.exitCode, 0, both.output);
    } finally {
      Files.delete(other);
    }
  }

  @Test
  public void parallelOnATestIsIgnoredWithAWarning() throws Exception {
    String suite = ParentRun.suite("one", ParentRun.RECORDING_LISTENER, "mproc.it.suite.", "PlanPlain")
        .replace("<test name=\"one\">", "<test name=\"one\" parallel=\"methods\" thread-count=\"2\">");
    ParentRun run = ParentRun.run(suite, "-cores", "1");
    assertEquals(run.exitCode, 0, run.output);
    assertTrue(run.output.contains("mproc: parallel=\"methods\" in test 'one' of suite 'one' is ignored: each worker runs"
        + " its tests one at a time; the workers are the parallelism"), run.output);
  }

  @Test
  public void aRunDirectoryThatCannotBeMadeIsOneLineAndNoTestRuns() throws Exception {
    Path file = TempDirs.file("mproc-not-a-dir", ".txt");
    try {
      ParentRun bad = ParentRun.run(ParentRun.SUITE, "-cores", "2", "-mproc.dir", file.resolve("runs").toString());
      assertEquals(bad.exitCode, 1, bad.output);
      assertTrue(bad.output.startsWith("mproc: cannot create the run directory under " + file.resolve("runs")), bad.output);
      assertTrue(bad.output.trim().endsWith("point mproc.dir at a directory you can write to"), bad.output);
      assertEquals(bad.output.trim().lines().count(), 1L, bad.output);
      assertTrue(bad.log.isEmpty(), "no test ran: " + bad.log);
    } finally {
      Files.delete(file);
    }
  }

  @Test
  public void aBadCoresValueIsOneLineAndNoTestRuns() throws Exception {
    ParentRun bad = ParentRun.run(ParentRun.SUITE, "-cores", "lots");
    assertEquals(bad.exitCode, 1);
    assertEquals(
        bad.output.trim(),
        "mproc.cores: 'lots' is not a valid value; use a positive integer, auto, auto*K or auto/K (K a positive number), e.g. -cores auto");
    assertTrue(bad.log.isEmpty(), "no test ran: " + bad.log);
  }

  /** testng-mproc alone has no Redis client: a cluster address asks for the jar, in one line, before any test. */
  @Test
  public void aClusterWithoutTheRedisTransportOnTheClassPathIsOneLineAndNoTestRuns() throws Exception {
    ParentRun run = ParentRun.run(ParentRun.SUITE, "-cores", "2", "-mproc.cluster", "redis://ci:s3cret@127.0.0.1:1/run");
    assertEquals(run.exitCode, 1, run.output);
    assertTrue(run.output.trim().endsWith("mproc: mproc.cluster is set, but the Redis transport is not on the class path; add the"
        + " dependency io.github.mproc:mproc-redis-transport to the tests"), run.output);
    assertEquals(run.output.lines().filter(l -> l.startsWith("mproc")).count(), 1L, run.output);
    assertFalse(run.output.contains("s3cret"), run.output);
    assertTrue(run.log.isEmpty(), "no test ran: " + run.log);
  }
}
