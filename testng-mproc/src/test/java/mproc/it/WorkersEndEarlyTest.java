package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mproc.TempDirs;
import org.testng.annotations.Test;

/**
 * Once TestNG's last suite has ended, the workers are told so and exit while TestNG writes its
 * reports, not after: a worker JVM with a thread in native code (an HTTP client's selector) takes
 * 0.3 s to exit on JDK 17, which the run's end no longer waits for in turn. A reporter in the suite
 * waits for every worker to begin its exit; told only at the end, they never do while it waits.
 */
public class WorkersEndEarlyTest {
  private static final String LISTENERS = "  <listeners><listener class-name=\"mproc.it.suite.RecordingListener\"/>"
      + "<listener class-name=\"mproc.it.suite.ending.ReportsWaitForExits\"/></listeners>\n";

  @Test
  public void theWorkersExitWhileTestNGWritesItsReports() throws Exception {
    ParentRun run = ParentRun.run(ParentRun.suite("ending", LISTENERS, "mproc.it.suite.ending.", "ExitRecorded"), "-cores", "2");
    assertEquals(run.exitCode, 0, run.output);
    assertEachWorkerBeganToExitDuringTheReports(run, List.of("four", "one", "three", "two"));
  }

  /** A suite with a child suite, and a second suite file: only the last of the three to end ends the work. */
  @Test
  public void onlyTheLastSuiteEndsTheWork() throws Exception {
    Path dir = TempDirs.directory("mproc-ending");
    Path child = dir.resolve("child.xml");
    Path second = dir.resolve("second.xml");
    Files.writeString(child, ParentRun.suite("child", LISTENERS, "mproc.it.suite.ending.", "ExitRecordedToo"));
    Files.writeString(second, ParentRun.suite("second", LISTENERS, "mproc.it.suite.ending.", "ExitRecordedToo")
        .replace("<test name=\"second\">", "<test name=\"second-test\">"));
    String parent = ParentRun.suite("parent", LISTENERS + "  <suite-files><suite-file path=\"" + child + "\"/></suite-files>\n",
        "mproc.it.suite.ending.", "ExitRecorded");
    ParentRun run = ParentRun.run(parent, "-cores", "2", second.toString());
    assertEquals(run.exitCode, 0, run.output);
    assertEachWorkerBeganToExitDuringTheReports(run, List.of("five", "five", "four", "one", "six", "six", "three", "two"));
  }

  private static void assertEachWorkerBeganToExitDuringTheReports(ParentRun run, List<String> tests) {
    List<String> log = run.log;
    String reportsEnd = log.stream().filter(l -> l.startsWith("reports-end ")).findFirst().orElseThrow(() -> new AssertionError(log));
    String parentPid = reportsEnd.substring("reports-end ".length());
    assertEquals(log.stream().filter(l -> l.startsWith("test ")).map(l -> l.split(" ")[1]).sorted().toList(), tests, log.toString());
    List<String> workers = log.stream().filter(l -> l.startsWith("test ")).map(l -> l.split(" ")[2]).distinct().toList();
    assertTrue(!workers.contains(parentPid), "every test ran in a worker: " + log);
    int end = log.indexOf(reportsEnd);
    for (String pid : workers) {
      int exit = log.indexOf("exit " + pid);
      assertTrue(exit >= 0 && exit < end, "worker " + pid + " began to exit before TestNG's reports ended: " + log);
    }
  }
}
