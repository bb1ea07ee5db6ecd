package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;

import java.util.Collections;
import java.util.List;
import org.testng.annotations.Test;

/**
 * A failing {@code @BeforeSuite} in the workers: every test still ends as exactly one skip in the
 * parent, as in a sequential run, no test or class setup runs anywhere, and the method is listed
 * once, failed (it fails in each JVM, and the parent passed over it); also when the class
 * that declares it belongs to another {@code <test>} than the tests (TestNG runs it before every
 * {@code <test>}).
 */
public class BrokenSuiteSetupTest {
  private static final String SUITE =
      ParentRun.suite("broken", ParentRun.RECORDING_LISTENER, "mproc.it.suite.broken.", "BrokenSuiteSetup", "NeedsTheServer");

  /** The same classes, the failing {@code @BeforeSuite}'s in a {@code <test>} of its own before the others. */
  private static final String TWO_TESTS = SUITE
      .replace("      <class name=\"mproc.it.suite.broken.NeedsTheServer\"/>\n    </classes>\n  </test>\n",
          "    </classes>\n  </test>\n  <test name=\"needs\">\n    <classes>\n      <class name=\"mproc.it.suite.broken.NeedsTheServer\"/>\n"
              + "    </classes>\n  </test>\n");

  @Test
  public void everyTestIsOneSkipInTheParentAsSequentially() throws Exception {
    assertEverySkippedAsSequentially(SUITE);
  }

  @Test
  public void aFailingBeforeSuiteOfAnotherTestSkipsThisTestsTestsToo() throws Exception {
    assertEquals(TWO_TESTS.split("<test ").length, 3, TWO_TESTS);
    assertEverySkippedAsSequentially(TWO_TESTS);
  }

  private static void assertEverySkippedAsSequentially(String suite) throws Exception {
    ParentRun sequential = ParentRun.run(suite);
    ParentRun distributed = ParentRun.run(suite, "-cores", "2");

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
    List<String> once = sequential.reportedConfigurations().stream().filter(c -> c.startsWith("startTheServer ")).toList();
    assertEquals(once, List.of("startTheServer FAIL"), sequential.output);
    assertEquals(distributed.reportedConfigurations().stream().filter(c -> c.startsWith("startTheServer ")).toList(), once,
        "listed once, failed, as sequentially, though it failed in each JVM it ran in and the parent passed over it: "
            + distributed.reportedConfigurations());
  }
}
