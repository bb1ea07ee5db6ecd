package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * {@code @SplitClass}: a class with class configuration whose methods run in several workers, its
 * {@code @BeforeClass} and {@code @AfterClass} in each of them. Real parent, real workers.
 */
public class SplitClassTest {
  private ParentRun run;

  @BeforeClass
  public void runOneBigSplitClassOnTwoWorkers() throws Exception {
    run = ParentRun.run(ParentRun.suite("split", "", "mproc.it.suite.split.", "BigSplit"), "-cores", "2");
  }

  @Test
  public void everyTestRanOnceAndTheClassWasSharedByBothWorkers() {
    Map<String, Long> counts = run.events("test BigSplit.").stream()
        .map(l -> l.substring(0, l.lastIndexOf(' ')))
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    assertEquals(counts.size(), 12, run.log.toString());
    assertTrue(counts.values().stream().allMatch(n -> n == 1), counts.toString());
    assertEquals(run.pids("test BigSplit.").size(), 2, "without @SplitClass one worker would run it all: " + run.log);
    assertEquals(run.exitCode, 0, run.output);
  }

  @Test
  public void eachWorkerRanTheClassConfigurationOnceAroundItsShare() {
    Set<Long> workers = run.pids("test BigSplit.");
    assertEquals(workers.size(), 2, "one worker alone would pass the checks below without the class being split: " + run.log);
    assertEquals(run.pids("beforeClass BigSplit"), workers, run.log.toString());
    assertEquals(run.pids("afterClass BigSplit"), workers, run.log.toString());
    for (long pid : workers) {
      List<String> own = run.log.stream().filter(l -> ParentRun.pid(l) == pid).toList();
      assertEquals(own.get(0), "beforeClass BigSplit " + pid, own.toString());
      assertEquals(own.get(own.size() - 1), "afterClass BigSplit " + pid, own.toString());
      assertEquals(own.stream().filter(l -> l.startsWith("beforeClass")).count(), 1L, own.toString());
    }
  }

  @Test
  public void theReportListsEachRunOfTheClassConfiguration() throws Exception {
    List<String> configurations = run.reportedConfigurations();
    assertEquals(configurations.stream().filter(c -> c.equals("connect PASS")).count(), 2L, configurations.toString());
    assertEquals(configurations.stream().filter(c -> c.equals("disconnect PASS")).count(), 2L, configurations.toString());
    assertEquals(run.reportedTests().size(), 12, run.output);
  }
}
