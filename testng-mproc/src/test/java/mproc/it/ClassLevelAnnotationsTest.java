package mproc.it;

import static org.testng.Assert.assertEquals;

import java.util.Collections;
import java.util.List;
import org.testng.annotations.Test;

/** Workers find annotations as TestNG does: a class-level {@code @Test} with an {@code @Ignore}d setup. */
public class ClassLevelAnnotationsTest {
  private static final String SUITE = ParentRun.suite("class-level", ParentRun.RECORDING_LISTENER, "mproc.it.suite.", "ClassLevelTest");

  @Test
  public void anIgnoredConfigurationMethodRunsNowhereAndTheReportsMatch() throws Exception {
    ParentRun sequential = ParentRun.run(SUITE);
    ParentRun distributed = ParentRun.run(SUITE, "-cores", "2");

    assertEquals(sequential.events("config ignoredSetUp"), List.of(), sequential.output);
    assertEquals(distributed.events("config ignoredSetUp"), List.of(), distributed.output);
    assertEquals(distributed.events("config setUp").size(), 2, distributed.output);
    assertEquals(distributed.exitCode, 0, distributed.output);
    assertEquals(distributed.pids("test ").stream().filter(distributed.pids("listener ")::contains).count(), 0L, "tests ran in workers");
    List<String> local = sequential.reportedTests();
    List<String> remote = distributed.reportedTests();
    Collections.sort(local);
    Collections.sort(remote);
    assertEquals(local, List.of("first PASS", "second PASS"), sequential.output);
    assertEquals(remote, local, distributed.output);
    assertEquals(distributed.reportedConfigurations(), sequential.reportedConfigurations(), distributed.output);
  }
}
