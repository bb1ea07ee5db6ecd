package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** How workers share a suite's classes: real parent and workers, real queues. */
public class SchedulingTest {
  private static final List<String> CLASSES = List.of("One", "Two", "Three", "Four");
  private static final String SUITE =
      ParentRun.suite("affinity", "", "mproc.it.suite.affinity.", CLASSES.toArray(new String[0]));

  private ParentRun run;

  @BeforeClass
  public void runFourClassesOnTwoWorkers() throws Exception {
    run = ParentRun.run(SUITE, "-cores", "2");
  }

  @Test
  public void everyTestRanExactlyOnce() {
    Map<String, Long> counts =
        run.events("test ").stream()
            .map(l -> l.substring(0, l.lastIndexOf(' ')))
            .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertEquals(counts.size(), 16, run.log.toString());
    assertTrue(counts.values().stream().allMatch(n -> n == 1), counts.toString());
    assertEquals(run.exitCode, 0, run.output);
  }

  @Test
  public void workersSpreadOverClassesBeforeTheyShareOne() {
    // Sharing every class would run each @BeforeClass in both workers (8 times). A worker joins a
    // class another is in only when no class is left untouched: at most one join per worker here.
    List<String> setUps = run.events("beforeClass ");
    assertTrue(setUps.size() <= CLASSES.size() + 2, "@BeforeClass ran " + setUps.size() + " times: " + setUps);
    for (String c : CLASSES) {
      List<String> mine = run.events("beforeClass " + c + " ");
      assertEquals(mine.size(), mine.stream().map(ParentRun::pid).distinct().count(), "once per worker: " + mine);
    }
  }

  @Test
  public void eachFactoryInstanceRunsOnceAndIsReportedWithItsOwnOutcome() throws Exception {
    ParentRun made = ParentRun.run(ParentRun.suite("factory", "", "mproc.it.suite.", "Made"), "-cores", "2");
    List<String> ran = made.events("test made ").stream().map(l -> l.split(" ")[2]).sorted().toList();
    assertEquals(ran, List.of("apple", "melon", "pear"), made.output);
    assertEquals(made.reportedTests().stream().sorted().toList(), List.of("tasted FAIL", "tasted PASS", "tasted PASS"), made.output);
    assertTrue(made.reportXml().contains("pears are not ripe"), made.reportXml());
    assertTrue(made.reportXml().matches("(?s).*instance:pear,[^>]*status=\"FAIL\".*"), "the failure is the pear's: " + made.reportXml());
    assertEquals(made.exitCode, 1, made.output);
  }
}
