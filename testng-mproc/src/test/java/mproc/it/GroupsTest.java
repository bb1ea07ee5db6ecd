package mproc.it;

import mproc.TempDirs;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * {@code @Group}, priorities, dependencies and ordering by measured duration, with real parents
 * and workers: asserted on which JVM ran what, when, and in which order.
 */
public class GroupsTest {
  private static final String PACKAGE = "mproc.it.suite.groups.";

  private ParentRun twoWorkers;
  private ParentRun oneWorker;

  static String suite(String... classes) {
    return ParentRun.suite("groups", "", PACKAGE, classes);
  }

  private static final String SUITE = suite("DbFirst", "DbSecond", "Independent", "Chain");

  /** One test's run: "start Name millis pid" and "end Name millis pid" lines joined. */
  record Ran(String name, long start, long end, long pid) {}

  static List<Ran> ran(ParentRun run) {
    List<Ran> result = new ArrayList<>();
    for (String start : run.events("start ")) {
      String[] s = start.split(" ");
      String[] e =
          run.events("end " + s[1] + " ").stream().findFirst().orElseThrow(() -> new AssertionError("no end: " + start)).split(" ");
      result.add(new Ran(s[1], Long.parseLong(s[2]), Long.parseLong(e[2]), Long.parseLong(s[3])));
    }
    result.sort((a, b) -> Long.compare(a.start, b.start));
    return result;
  }

  @BeforeClass
  public void runTheSuite() throws Exception {
    twoWorkers = ParentRun.run(SUITE, "-cores", "2");
    oneWorker = ParentRun.run(SUITE, "-cores", "1");
  }

  @Test
  public void aGroupRunsInOneWorkerSeriallyInTestNGsOrderWithNothingElseMeanwhile() {
    List<Ran> all = ran(twoWorkers);
    List<Ran> db = all.stream().filter(r -> r.name.startsWith("DbFirst") || r.name.matches("DbSecond.e[12]")).toList();
    assertEquals(db.stream().map(Ran::name).toList(), List.of("DbFirst.d1", "DbFirst.d2", "DbFirst.d3", "DbSecond.e1", "DbSecond.e2"), all.toString());
    assertEquals(db.stream().map(Ran::pid).distinct().count(), 1L, "one worker: " + db);
    long pid = db.get(0).pid;
    long from = db.get(0).start;
    long to = db.get(db.size() - 1).end;
    for (Ran r : all) {
      if (r.pid == pid && !db.contains(r)) {
        assertTrue(r.end <= from || r.start >= to, r + " ran in the db group's worker while the group ran: " + all);
      }
    }
    for (int i = 1; i < db.size(); i++) {
      assertTrue(db.get(i).start >= db.get(i - 1).end, "serial: " + db);
    }
  }

  @Test
  public void aMethodsOwnGroupWinsOverItsClasssAndGroupsSpanClasses() {
    List<Ran> solo = ran(twoWorkers).stream().filter(r -> r.name.equals("DbSecond.e3") || r.name.equals("Independent.s1")).toList();
    assertEquals(solo.size(), 2, solo.toString());
    assertEquals(solo.get(0).pid, solo.get(1).pid, "the solo group is one unit: " + solo);
  }

  @Test
  public void groupsAreDispatchedBeforeIndependentTests() {
    List<Ran> all = ran(twoWorkers);
    long firstIndependent = all.stream().filter(r -> r.name.matches("Independent.i.|Chain.c.")).mapToLong(Ran::start).min().orElseThrow();
    long dbStart = all.stream().filter(r -> r.name.equals("DbFirst.d1")).findFirst().orElseThrow().start;
    assertTrue(dbStart <= firstIndependent, "the group goes first: " + all);
    // In each worker, what it took of the @Group units (db, solo) comes before the others. (Across
    // workers start times say little: a worker that claimed the solo unit first may start it after a
    // warmer worker started the next unit.)
    for (long pid : all.stream().map(Ran::pid).collect(java.util.stream.Collectors.toSet())) {
      List<Ran> its = all.stream().filter(r -> r.pid == pid).toList();
      long lastGrouped = its.stream().filter(r -> !r.name.matches("Independent.i.|Chain.c.")).mapToLong(Ran::start).max().orElse(Long.MIN_VALUE);
      long firstOther = its.stream().filter(r -> r.name.matches("Independent.i.|Chain.c.")).mapToLong(Ran::start).min().orElse(Long.MAX_VALUE);
      assertTrue(lastGrouped <= firstOther, "worker " + pid + ": " + its);
    }
  }

  @Test
  public void withOneWorkerTheOrderIsGroupsThenPriorityThenTestNGsOrder() {
    List<String> order = ran(oneWorker).stream().map(Ran::name).toList();
    assertEquals(
        order,
        List.of(
            "DbFirst.d1", "DbFirst.d2", "DbFirst.d3", "DbSecond.e1", "DbSecond.e2",
            "DbSecond.e3", "Independent.s1",
            "Independent.i3", // priority -1
            "Independent.i1", "Independent.i2", "Independent.i4",
            "Chain.c1", "Chain.c3"), // c2 never starts: c1 failed
        oneWorker.output);
  }

  @Test
  public void dependenciesStayTogetherAndSkipAsSequentially() throws Exception {
    List<String> reported = twoWorkers.reportedTests();
    assertTrue(reported.contains("c1 FAIL") && reported.contains("c2 SKIP") && reported.contains("c3 PASS"), reported.toString());
    Set<Long> pids = ran(twoWorkers).stream().filter(r -> r.name.startsWith("Chain.")).map(Ran::pid).collect(Collectors.toSet());
    assertEquals(pids.size(), 1, "one worker ran the chain");
    assertEquals(twoWorkers.exitCode, 3, twoWorkers.output); // a failure (1) and a skip (2), as TestNG counts
  }

  @Test
  public void theSecondRunDispatchesTheLongestTestFirst() throws Exception {
    Path durations = TempDirs.directory("mproc-durations").resolve("durations.txt");
    String suite = suite("Independent", "SlowLast");
    ParentRun first = ParentRun.run(suite, "-cores", "1", "-mproc.durations", durations.toString());
    List<String> firstOrder = ran(first).stream().map(Ran::name).toList();
    assertEquals(firstOrder.get(firstOrder.size() - 1), "SlowLast.slow", "unknown durations: TestNG's order");
    assertTrue(Files.readString(durations).contains("\tmproc.it.suite.groups.SlowLast.slow"), Files.readString(durations));
    ParentRun second = ParentRun.run(suite, "-cores", "1", "-mproc.durations", durations.toString());
    List<String> secondOrder = ran(second).stream().map(Ran::name).toList();
    assertEquals(secondOrder.get(0), "Independent.s1", "groups still come first: " + secondOrder);
    assertEquals(secondOrder.get(1), "Independent.i3", "then the lower priority: " + secondOrder);
    assertEquals(secondOrder.get(2), "SlowLast.slow", "then the longest: " + secondOrder);
  }

  /**
   * The default durations file is kept in the project's directory ({@code .mproc/}), not in the output
   * directory that {@code mvn clean} and a fresh CI checkout remove: a second run in a fresh output
   * directory still dispatches by the first run's durations. Under Surefire the project's directory
   * is {@code basedir}, which wins over the working directory.
   */
  @Test
  public void aRunInAFreshOutputDirectoryStillReadsTheEarlierRunsDurations() throws Exception {
    Path project = TempDirs.directory("mproc-project");
    String suite = suite("Independent", "SlowLast");
    ParentRun first = ParentRun.runIn(project, List.of(), suite, "-cores", "1");
    List<String> firstOrder = ran(first).stream().map(Ran::name).toList();
    assertEquals(firstOrder.get(firstOrder.size() - 1), "SlowLast.slow", "unknown durations: TestNG's order");
    Path durations = project.resolve(".mproc").resolve("durations.txt");
    assertTrue(Files.readString(durations).contains("\tmproc.it.suite.groups.SlowLast.slow"), Files.readString(durations));
    try (var out = Files.walk(first.outputDir)) {
      assertEquals(out.filter(p -> p.getFileName().toString().contains("durations")).toList(), List.of(), "nothing in the output directory");
    }

    Path elsewhere = TempDirs.directory("mproc-elsewhere");
    ParentRun second = ParentRun.runIn(elsewhere, List.of("-Dbasedir=" + project), suite, "-cores", "1");
    assertTrue(!second.outputDir.equals(first.outputDir));
    List<String> secondOrder = ran(second).stream().map(Ran::name).toList();
    assertEquals(secondOrder.subList(0, 3), List.of("Independent.s1", "Independent.i3", "SlowLast.slow"),
        "groups, the lower priority, then the longest: " + secondOrder);
    assertTrue(!Files.exists(elsewhere.resolve(".mproc")), "basedir wins over the working directory");
  }

  @Test
  public void anEmptyGroupNameIsOneLineBeforeAnyTestRuns() throws Exception {
    ParentRun bad = ParentRun.run(suite("Independent", "EmptyName"), "-cores", "2");
    assertEquals(bad.exitCode, 1, bad.output);
    assertEquals(
        bad.output.trim(),
        "mproc: @Group on mproc.it.suite.groups.EmptyName.t has an empty name; name the group, e.g. @Group(\"db\")");
    assertTrue(bad.events("start ").isEmpty(), "no test ran: " + bad.log);
    ParentRun inProcess = ParentRun.run(suite("Independent", "EmptyName"));
    assertEquals(inProcess.exitCode, 1, "without workers too: " + inProcess.output);
    assertEquals(inProcess.output.trim(), bad.output.trim());
  }
}
