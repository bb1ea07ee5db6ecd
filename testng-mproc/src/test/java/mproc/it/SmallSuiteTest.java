package mproc.it;

import mproc.TempDirs;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import mproc.planning.Durations;
import org.testng.annotations.Test;

/**
 * A suite that earlier runs measured at less than one worker's start-up runs in the parent, as plain
 * TestNG would, and is measured there; once it has grown, the next run uses workers again.
 */
public class SmallSuiteTest {
  private static final String SUITE = ParentRun.suite("small", ParentRun.RECORDING_LISTENER, "mproc.it.suite.", "SlowA");
  private static final String IN_THE_PARENT = "they run in this JVM";

  @Test
  public void aSuiteMeasuredAsSmallRunsInTheParentUntilItIsMeasuredLarger() throws Exception {
    Path durations = TempDirs.directory("mproc-durations").resolve("durations.txt"); // its lock file beside it
    StringBuilder tiny = new StringBuilder();
    for (int i = 1; i <= 6; i++) {
      tiny.append("100\tmproc.it.suite.SlowA.a").append(i).append('\n'); // 0.6 s in all: run in the parent
    }
    Files.writeString(durations, tiny);

    ParentRun small = ParentRun.run(SUITE, "-cores", "2", "-mproc.parentRuns", "true", "-mproc.durations", durations.toString());
    assertEquals(small.exitCode, 0, small.output);
    assertTrue(small.output.contains(IN_THE_PARENT), small.output);
    assertEquals(small.reportedTests().size(), 6, small.output);
    assertEquals(small.pids("test "), small.pids("listener "), "the tests ran in the parent");
    // each test sleeps 250 ms; the file keeps the mean of that and the 100 ms it held: 175 ms each, 1.05 s in all
    assertTrue(Durations.read(durations).allKnownTakeLessThan(6 * 175 + 500), "measured in the parent: " + Files.readString(durations));
    assertFalse(Durations.read(durations).allKnownTakeLessThan(6 * 175), "each test sleeps 250 ms: " + Files.readString(durations));
    assertFalse(Files.readString(durations).contains("@alone"),
        "a suite run here for being small is not timed against workers (it may grow): " + Files.readString(durations));

    ParentRun measured = ParentRun.run(SUITE, "-cores", "2", "-mproc.durations", durations.toString());
    assertEquals(measured.exitCode, 0, measured.output);
    assertFalse(measured.output.contains(IN_THE_PARENT), measured.output);
    Set<Long> workers = measured.pids("test ");
    assertFalse(workers.stream().anyMatch(measured.pids("listener ")::contains), "1.5 s of tests: run by workers");
  }

  /**
   * Earlier runs measured this suite faster in one JVM than with workers (its one JVM kept the
   * processors busy): it runs here, as plain TestNG would, says why, and its time alone is kept. Once
   * the comparison is {@code SuiteModes.STALE_RUNS} runs old, workers are measured again.
   */
  @Test
  public void aSuiteMeasuredFasterAloneRunsInTheParentAndIsTimedAgain() throws Exception {
    Path durations = TempDirs.directory("mproc-durations").resolve("durations.txt");
    StringBuilder file = new StringBuilder("# run 3\n");
    for (int i = 1; i <= 6; i++) {
      file.append("300\t3\tmproc.it.suite.SlowA.a").append(i).append('\n'); // 1.8 s: worth a worker by size
    }
    file.append("2500\t3\t@alone small\n4000\t2\t@workers small\n990\t2\t@busy small\n");
    Files.writeString(durations, file);

    ParentRun alone = ParentRun.run(SUITE, "-cores", "2", "-mproc.parentRuns", "true", "-mproc.durations", durations.toString());
    assertEquals(alone.exitCode, 0, alone.output);
    assertTrue(alone.output.contains("mproc: suite 'small' runs in this JVM: earlier runs took 2.5 s here alone against 4.0 s with"
        + " worker JVMs"), alone.output);
    assertEquals(alone.pids("test "), alone.pids("listener "), "the tests ran in the parent");
    String kept = Files.readString(durations);
    assertTrue(kept.matches("(?s).*\n\\d+\t4\t@alone small\n.*"), "its time alone is measured again: " + kept);

    Files.writeString(durations, kept.replace("# run 4", "# run 14")); // the figure with workers is now 12 runs old
    ParentRun again = ParentRun.run(SUITE, "-cores", "2", "-mproc.parentRuns", "true", "-mproc.durations", durations.toString());
    assertFalse(again.output.contains("runs in this JVM"), again.output);
    assertTrue(Files.readString(durations).matches("(?s).*\n\\d+\t15\t@workers small\n.*"), Files.readString(durations));
  }
}
