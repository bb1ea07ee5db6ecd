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
  public void workersShareTheClassesAndRunEachClassConfigurationOnce() {
    // A class with @BeforeClass is one unit: one worker runs it, its @BeforeClass once, as sequentially.
    for (String c : CLASSES) {
      assertEquals(run.events("beforeClass " + c + " ").size(), 1, "once: " + run.log);
    }
    assertEquals(run.pids("test ").size(), 2, "the two workers share the four classes: " + run.log);
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
