package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;

import java.util.List;
import org.testng.annotations.Test;

/** A listener that runs in the workers (it shapes execution) hears each test there, once, and not again in the parent. */
public class ListenersHearOnceTest {
  @Test
  public void aListenerThatShapesAndObservesHearsEachTestOnceInItsWorker() throws Exception {
    String suite = ParentRun.suite("once", "  <listeners><listener class-name=\"mproc.it.suite.HearsAndShapes\"/></listeners>\n",
        "mproc.it.suite.", "SlowA");
    ParentRun run = ParentRun.run(suite, "-cores", "2");
    assertEquals(run.exitCode, 0, run.output);
    List<String> heard = run.events("heard ").stream().map(l -> l.substring(0, l.lastIndexOf(' '))).sorted().toList();
    assertEquals(heard, List.of("heard a1", "heard a2", "heard a3", "heard a4", "heard a5", "heard a6"), run.log.toString());
    assertFalse(run.pids("heard ").contains(run.parentPid), "heard in the workers, where the tests ran: " + run.log);
  }
}
