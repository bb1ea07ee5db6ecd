package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** Global fixtures with a real parent and real workers: computed once, in the parent, shared, closed last. */
public class GlobalFixturesTest {
  private static final String FIXTURES = "mproc.it.suite.fixtures.";

  static String suite(String... classes) {
    String fixtures = "  <parameter name=\"mproc.fixtures\" value=\"" + FIXTURES + "SharedFixtures\"/>\n";
    return ParentRun.suite("fixtures", fixtures + ParentRun.RECORDING_LISTENER, FIXTURES, classes);
  }

  private ParentRun distributed;
  private ParentRun inProcess;

  @BeforeClass
  public void runBothWays() throws Exception {
    String suite = suite("UsesTokenA", "UsesTokenB", "UsesBroken");
    distributed = ParentRun.run(suite, "-cores", "2");
    inProcess = ParentRun.run(suite);
  }

  private static Set<Long> parentPids(ParentRun run) {
    return run.pids("listener ");
  }

  @Test
  public void computedExactlyOnceInTheParentAndSharedByEveryWorker() {
    List<String> computed = distributed.events("fixture token");
    assertEquals(computed.size(), 1, distributed.log.toString());
    assertEquals(Set.of(ParentRun.pid(computed.get(0))), parentPids(distributed), "computed in the parent");
    List<String> tests = distributed.events("test ");
    assertEquals(tests.size(), 8, distributed.output);
    Set<String> ids = tests.stream().map(l -> l.split(" ")[2]).collect(Collectors.toSet());
    assertEquals(ids.size(), 1, "one value everywhere: " + tests);
    assertTrue(tests.stream().allMatch(l -> l.split(" ")[3].equals(l.split(" ")[2] + "-derived")), tests.toString());
    Set<Long> workers = tests.stream().map(ParentRun::pid).collect(Collectors.toSet());
    assertFalse(workers.stream().anyMatch(parentPids(distributed)::contains), "tests ran in workers");
    assertEquals(workers.size(), 2, "both workers used it: " + tests);
    assertEquals(distributed.events("fixture derived").size(), 1);
  }

  /**
   * A value the parent computed for its own test goes to the workers at once: a worker's test that
   * needs it runs while the parent's test is still running, not after it (the parent answers a
   * worker's request only between its own tests).
   */
  @Test
  public void aValueTheParentComputedForItsOwnTestReachesAWorkerWhileThatTestRuns() throws Exception {
    ParentRun run = ParentRun.run(suite("UsesTokenLong", "UsesTokenQuick"), "-cores", "2", "-mproc.parentRuns", "true");
    assertEquals(run.exitCode, 0, run.output);
    assertEquals(run.events("fixture token").size(), 1, run.log.toString());
    String longEnded = run.events("long ").stream().filter(l -> l.contains(" ended ")).findFirst().orElseThrow();
    List<String> quick = run.events("quick ");
    assertEquals(quick.size(), 1, run.log.toString());
    assertEquals(Set.of(ParentRun.pid(longEnded)), parentPids(run), "the parent ran the long test: " + run.log);
    assertFalse(parentPids(run).contains(ParentRun.pid(quick.get(0))), "a worker ran the quick one: " + run.log);
    assertEquals(quick.get(0).split(" ")[1], longEnded.split(" ")[1], "one value");
    assertTrue(Long.parseLong(quick.get(0).split(" ")[3]) < Long.parseLong(longEnded.split(" ")[3]),
        "the worker's test did not wait for the parent's to end: " + run.log);
  }

  @Test
  public void aFixtureNothingNeedsIsNeverComputed() {
    assertTrue(distributed.events("fixture unused").isEmpty());
    assertTrue(inProcess.events("fixture unused").isEmpty());
  }

  /**
   * With the parent running tests too (the default), its own tests take the value it computed and
   * the worker's ask for it: still computed once, one value everywhere, closed once after the last test.
   */
  @Test
  public void withTheParentRunningTestsTheValueIsStillComputedOnceSharedAndClosedLast() throws Exception {
    ParentRun both = ParentRun.run(suite("UsesTokenA", "UsesTokenB", "UsesBroken"), "-cores", "2", "-mproc.parentRuns", "true");
    List<String> computed = both.events("fixture token");
    assertEquals(computed.size(), 1, both.log.toString());
    assertEquals(Set.of(ParentRun.pid(computed.get(0))), parentPids(both), "computed in the parent");
    List<String> tests = both.events("test ");
    assertEquals(tests.size(), 8, both.output);
    assertEquals(tests.stream().map(l -> l.split(" ")[2]).collect(Collectors.toSet()).size(), 1, "one value everywhere: " + tests);
    assertTrue(tests.stream().map(ParentRun::pid).anyMatch(parentPids(both)::contains), "the parent ran some: " + tests);
    assertEquals(both.events("fixture derived").size(), 1);
    List<String> closed = both.events("close token ");
    assertEquals(closed.size(), 1, both.log.toString());
    long closedAt = Long.parseLong(closed.get(0).split(" ")[3]);
    for (String t : tests) {
      assertTrue(Long.parseLong(t.split(" ")[4]) <= closedAt, "closed after " + t);
    }
    assertEquals(both.reportedTests().stream().sorted().toList(), inProcess.reportedTests().stream().sorted().toList(), both.output);
  }

  @Test
  public void theParentClosesItsOwnInstanceAfterTheLastTest() {
    List<String> closed = distributed.events("close token ");
    assertEquals(closed.size(), 1, distributed.log.toString());
    String[] close = closed.get(0).split(" ");
    assertTrue(close[4].equals("handle=true"), "the parent's instance, with its transient handle: " + closed);
    assertEquals(Set.of(ParentRun.pid(closed.get(0))), parentPids(distributed));
    long closedAt = Long.parseLong(close[3]);
    for (String t : distributed.events("test ")) {
      assertTrue(Long.parseLong(t.split(" ")[4]) <= closedAt, "closed after " + t);
    }
  }

  @Test
  public void aValueThatCannotTravelFailsTheTestsThatNeedItNamingFixtureAndClass() throws Exception {
    assertTrue(distributed.reportedTests().contains("needsAValueThatCannotTravel FAIL"), distributed.output);
    String xml = distributed.reportXml();
    assertTrue(xml.contains("global fixture 'handle' (mproc.it.suite.fixtures.SharedFixtures.handle) returned a "
        + "mproc.it.suite.fixtures.SharedFixtures$Handle that cannot be sent to workers"), xml);
  }

  @Test
  public void aFixtureThatThrowsFailsEveryTestThatNeedsItAndIsNotRetried() throws Exception {
    List<String> reported = distributed.reportedTests();
    assertTrue(reported.contains("needsAFixtureThatThrows FAIL") && reported.contains("needsItToo FAIL"), reported.toString());
    assertEquals(distributed.events("fixture boom").size(), 1, "computed once, its failure remembered");
    String xml = distributed.reportXml();
    assertTrue(xml.contains("the test database would not start"), xml);
    assertTrue(xml.contains("SharedFixtures.boom"), "the fixture's own stack trace: " + xml);
  }

  @Test
  public void withoutWorkersTheSameApiComputesOnceAndClosesAtTheEnd() throws Exception {
    assertEquals(inProcess.events("fixture token").size(), 1);
    assertEquals(inProcess.events("close token ").size(), 1);
    assertEquals(inProcess.events("test ").stream().map(ParentRun::pid).distinct().count(), 1L);
    assertEquals(inProcess.events("fixture boom").size(), 1);
    assertEquals(
        inProcess.reportedTests().stream().sorted().toList(),
        distributed.reportedTests().stream().sorted().toList(),
        "the same outcome with and without workers");
  }

  @Test
  public void anUnknownFixtureNameIsOneLineBeforeAnyTestRuns() throws Exception {
    ParentRun bad = ParentRun.run(suite("UsesTokenA", "BadField"), "-cores", "2");
    assertEquals(bad.exitCode, 1, bad.output);
    assertEquals(
        bad.output.trim(),
        "mproc: @Global(\"tokn\") on field mproc.it.suite.fixtures.BadField.token names no global fixture; known: "
            + "boom, derived, handle, token, unused (found on the suite's classes and in mproc.fixtures)");
    assertTrue(bad.events("test ").isEmpty() && bad.events("fixture").isEmpty(), bad.log.toString());
  }

  /** The parent's time computing a fixture is not the waiting test's time: mproc.timeout 2 s, a 3 s fixture. */
  @Test
  public void computingAFixtureDoesNotCountAgainstTheTimeoutOfTheTestWaitingForIt() throws Exception {
    ParentRun run = ParentRun.run(ParentRun.suite("fixtures", ParentRun.RECORDING_LISTENER, FIXTURES, "UsesSlowFixture"),
        "-cores", "1", "-mproc.timeout", "2");
    assertEquals(run.reportedTests(), List.of("waitsForIt PASS"), run.output);
    assertEquals(run.events("test waitsForIt slow").size(), 1, run.log.toString());
  }
}
