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

    ParentRun small = ParentRun.run(SUITE, "-cores", "2", "-mproc.durations", durations.toString());
    assertEquals(small.exitCode, 0, small.output);
    assertTrue(small.output.contains(IN_THE_PARENT), small.output);
    assertEquals(small.reportedTests().size(), 6, small.output);
    assertEquals(small.pids("test "), small.pids("listener "), "the tests ran in the parent");
    // each test sleeps 250 ms; the file keeps the mean of that and the 100 ms it held: 175 ms each, 1.05 s in all
    assertTrue(Durations.read(durations).allKnownTakeLessThan(6 * 175 + 500), "measured in the parent: " + Files.readString(durations));
    assertFalse(Durations.read(durations).allKnownTakeLessThan(6 * 175), "each test sleeps 250 ms: " + Files.readString(durations));

    ParentRun measured = ParentRun.run(SUITE, "-cores", "2", "-mproc.durations", durations.toString());
    assertEquals(measured.exitCode, 0, measured.output);
    assertFalse(measured.output.contains(IN_THE_PARENT), measured.output);
    Set<Long> workers = measured.pids("test ");
    assertFalse(workers.stream().anyMatch(measured.pids("listener ")::contains), "1.5 s of tests: run by workers");
  }
}
