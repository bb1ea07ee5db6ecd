package mproc.it;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.Test;

/**
 * A user's listener that acts on what it hears (it clears JVM-wide state as each class ends, as
 * Apache Pulsar's clear Mockito's mocks and reset singletons) must act between classes in the
 * parent too, as sequentially: the workers' results are replayed there as its own session reaches
 * a class, not between two of its tests, where a worker's class end cleared what the parent's class
 * had set up (found on pulsar-broker-common: a test hung for its 300 s time-out).
 */
public class ListenersActBetweenClassesTest {
  private static final String HEAD = "  <listeners><listener class-name=\"mproc.it.suite.RecordingListener\"/>"
      + "<listener class-name=\"mproc.it.suite.classend.ClassEndCleaner\"/></listeners>\n";

  @Test
  public void aClassEndHeardFromAWorkerDoesNotReachIntoTheParentsClass() throws Exception {
    String suite = ParentRun.suite("classend", HEAD, "mproc.it.suite.classend.", "Holds$Long", "Holds$Short1", "Holds$Short2");
    ParentRun run = ParentRun.run(suite, "-cores", "2", "-mproc.parentRuns", "true");
    assertEquals(run.pids("test ").size(), 2, "the parent and the worker both ran classes: " + run.events("test "));
    assertEquals(run.exitCode, 0, run.output);
    assertEquals(run.reportedTests().stream().filter(t -> t.endsWith(" PASS")).count(), 9L, run.output);
  }
}
