package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.testng.annotations.Test;

/**
 * Issue 19, in a real parent with real workers, whose output is no terminal: plain progress lines,
 * each failure as it happens, and after TestNG's summary a summary whose figures match what ran where.
 */
public class LiveProgressTest {
  private static final String SUITE =
      ParentRun.suite("live", "", "mproc.it.suite.live.", "LiveA", "LiveB", "LiveSlow");

  @Test
  public void failuresAsTheyHappenPlainProgressAndASummaryAfterTestNGs() throws Exception {
    ParentRun run = ParentRun.run(SUITE, "-cores", "2");
    String out = run.output;
    assertEquals(run.exitCode, 3, out); // a failure and a skip
    assertFalse(out.contains("\r"), "no terminal: nothing relies on carriage returns\n" + out);

    // each failure as it happens, on one line: status, test, worker, duration, the exception's first line
    Matcher failure = Pattern.compile("mproc: FAILED LiveB\\.fails  (worker-\\d+)  \\d+\\.\\d\\d s  java\\.lang\\.AssertionError: boom\\R").matcher(out);
    assertTrue(failure.find(), out);
    int testngSummary = out.indexOf("Total tests run: 11, Passes: 9, Failures: 1, Skips: 1");
    assertTrue(testngSummary > failure.start(), "the failure line comes before TestNG's summary\n" + out);

    // plain progress lines (every tenth here: 11 tests), the last one at 100 %
    assertTrue(out.contains("mproc  11/11  100%  1 failed  1 skipped  "), out);

    // the summary, after TestNG's
    int summary = out.indexOf("mproc: 11 tests on ");
    assertTrue(summary > testngSummary, "the summary comes after TestNG's\n" + out);
    String block = out.substring(summary);
    assertTrue(block.contains("  failed (1):\n    LiveB.fails  " + failure.group(1) + "  java.lang.AssertionError: boom\n"), block);
    assertTrue(block.contains("  skipped (1):\n    LiveB.skips  "), block);
    assertTrue(block.contains("org.testng.SkipException: not today"), block);
    assertTrue(Pattern.compile("  slowest tests:\\R +1\\.\\d\\d s  LiveSlow\\.slow  worker-\\d+\\R").matcher(block).find(), block);
    assertTrue(block.contains("of wall time for ") && block.contains("a perfect schedule on "), block);

    // tests per worker: as the run log has them, each worker one JVM of its own
    List<String> ran = run.events("ran ");
    assertEquals(ran.size(), 11, String.join("\n", run.log));
    Map<String, Long> perWorker = ran.stream().collect(Collectors.groupingBy(l -> l.split(" ")[2], TreeMap::new, Collectors.counting()));
    Map<String, Set<Long>> pids = ran.stream().collect(Collectors.groupingBy(l -> l.split(" ")[2], Collectors.mapping(ParentRun::pid, Collectors.toSet())));
    Map<String, Long> summarised = new TreeMap<>();
    Matcher row = Pattern.compile("(?m)^  (worker-\\d+) +(\\d+) +(\\d+\\.\\d\\d) s +(\\d+\\.\\d\\d) s +(\\d+\\.\\d\\d) s +(\\d+) %").matcher(block);
    while (row.find()) {
      long tests = Long.parseLong(row.group(2));
      if (tests > 0) { // a worker still starting when the others had run everything ran nothing
        summarised.put(row.group(1), tests);
        assertTrue(Double.parseDouble(row.group(4)) > 0, "a worker's start-up took time: " + row.group());
      }
    }
    assertEquals(summarised, perWorker, block);
    assertEquals(pids.values().stream().flatMap(Set::stream).distinct().count(), (long) perWorker.size(), "one JVM per worker: " + pids);
    assertFalse(pids.values().stream().flatMap(Set::stream).anyMatch(p -> p == run.parentPid), "nothing ran in the parent");
  }

  /**
   * A thread-leak detector of the user's (Pulsar's has one) sees no thread of ours that a sequential
   * run would not have: the progress line's ticker ends with each {@code <test>}'s dispatch.
   */
  @Test
  public void aThreadLeakDetectorFindsNoThreadOfOursAtTheEndOfEachTest() throws Exception {
    String twoTests = "<!DOCTYPE suite SYSTEM \"https://testng.org/testng-1.0.dtd\">\n<suite name=\"leaks\">\n"
        + "  <listeners><listener class-name=\"mproc.it.suite.live.ThreadsLeftAtTestEnd\"/></listeners>\n"
        + "  <test name=\"first\"><classes><class name=\"mproc.it.suite.live.LiveA\"/></classes></test>\n"
        + "  <test name=\"second\"><classes><class name=\"mproc.it.suite.live.LiveSlow\"/></classes></test>\n"
        + "</suite>\n";
    ParentRun run = ParentRun.run(twoTests, "-cores", "2", "-mproc.progress", "plain");
    assertEquals(run.exitCode, 0, run.output);
    List<String> left = run.events("threads-left ");
    assertEquals(left.size(), 2, "the parent's listener heard each <test> end once\n" + String.join("\n", run.log));
    assertTrue(left.get(0).startsWith("threads-left first ") && left.get(1).startsWith("threads-left second "), String.join("\n", left));
    assertEquals(run.events("ran ").size(), 7, String.join("\n", run.log));
    for (String line : left) {
      assertTrue(line.contains(" [] "), "a thread started after the suite's start is alive at the end of a <test>: " + line
          + "\n" + String.join("\n", run.log));
    }
  }

  @Test
  public void offPrintsNoneOfIt() throws Exception {
    ParentRun run = ParentRun.run(SUITE, "-cores", "2", "-mproc.progress", "off");
    assertEquals(run.exitCode, 3, run.output);
    assertTrue(run.output.contains("Total tests run: 11"), run.output);
    assertFalse(run.output.contains("mproc: FAILED"), run.output);
    assertFalse(run.output.contains("mproc  "), run.output);
    assertFalse(run.output.contains("slowest tests"), run.output);
  }
}
