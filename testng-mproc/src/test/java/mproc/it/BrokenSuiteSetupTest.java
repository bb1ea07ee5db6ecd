package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;

import java.util.Collections;
import java.util.List;
import org.testng.annotations.Test;

/**
 * A failing {@code @BeforeSuite} in the workers: every test still ends as exactly one skip in the
 * parent, as in a sequential run, and no test or class setup runs anywhere.
 */
public class BrokenSuiteSetupTest {
  private static final String SUITE =
      ParentRun.suite("broken", ParentRun.RECORDING_LISTENER, "mproc.it.suite.broken.", "BrokenSuiteSetup", "NeedsTheServer");

  @Test
  public void everyTestIsOneSkipInTheParentAsSequentially() throws Exception {
    ParentRun sequential = ParentRun.run(SUITE);
    ParentRun distributed = ParentRun.run(SUITE, "-cores", "2");

    List<String> local = sequential.reportedTests();
    List<String> remote = distributed.reportedTests();
    Collections.sort(local);
    Collections.sort(remote);
    assertEquals(local, List.of("one SKIP", "served SKIP", "three SKIP", "two SKIP"), sequential.output);
    assertEquals(remote, local, distributed.output);
    assertEquals(distributed.exitCode, sequential.exitCode, distributed.output);
    assertEquals(distributed.events("test "), List.of(), distributed.output);
    assertEquals(distributed.events("config connect"), List.of(), distributed.output);
    assertFalse(distributed.events("config startTheServer").isEmpty(), "it ran in a worker: " + distributed.output);
    long failures = distributed.reportedConfigurations().stream().filter(c -> c.equals("startTheServer FAIL")).count();
    assertEquals(failures, (long) distributed.events("config startTheServer").size(),
        "its failure is reported once from each worker it ran in, not again for each later run there: " + distributed.reportedConfigurations());
  }
}
