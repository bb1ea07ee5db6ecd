package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.List;
import org.testng.annotations.Test;

/** Workers behave as the JVM the user started: its options and its system properties. */
public class ParentJvmTest {
  /** The suite parameter starts the run in onStart(suite), after every listener's onExecutionStart. */
  private static final String SUITE = ParentRun.suite("jvm",
      "  <listeners><listener class-name=\"mproc.it.suite.jvm.SetsAProperty\"/></listeners>\n"
          + "  <parameter name=\"mproc.cores\" value=\"1\"/>\n",
      "mproc.it.suite.jvm.", "WhatTheJvmSays");

  private static List<String> seenInWorkers(ParentRun run, String prefix) {
    List<String> lines = run.events(prefix);
    assertTrue(!lines.isEmpty(), "the test ran:\n" + run.output);
    long parent = run.parentPid;
    return lines.stream().filter(l -> ParentRun.pid(l) != parent).map(l -> l.substring(0, l.lastIndexOf(' '))).distinct().toList();
  }

  @Test
  public void workersGetTheParentsAssertionsAndCommandLineOptions() throws Exception {
    ParentRun on = ParentRun.runWithJvmOptions(List.of("-ea", "-Dit.onTheCommandLine=given"), SUITE);
    assertEquals(seenInWorkers(on, "assertions "), List.of("assertions true"), on.output);
    assertEquals(seenInWorkers(on, "stack "), List.of("stack given"), on.output);
    ParentRun off = ParentRun.runWithJvmOptions(List.of(), SUITE);
    assertEquals(seenInWorkers(off, "assertions "), List.of("assertions false"), off.output);
  }

  /**
   * A user's {@code -Xshare:off} (Apache Pulsar's suites have it) reaches every JVM of the run and no
   * archive of ours overrides it: with one, a worker printed a JVM warning a sequential run does not.
   */
  @Test
  public void theUsersClassDataSharingChoiceIsKeptInEveryJvm() throws Exception {
    ParentRun run = ParentRun.runWithJvmOptions(List.of("-Xshare:off"), SUITE);
    assertEquals(run.exitCode, 0, run.output);
    List<String> seen = run.events("sharing ").stream().map(l -> l.substring(0, l.lastIndexOf(' '))).distinct().toList();
    assertEquals(seen, List.of("sharing [-Xshare:off]"), run.output);
    assertTrue(!run.output.contains("VM warning"), run.output);
  }

  @Test
  public void workersGetAssertionsSurefireTurnedOnThroughTheClassLoader() throws Exception {
    String suite = SUITE.replace("mproc.it.suite.jvm.SetsAProperty", "mproc.it.suite.jvm.EnablesAssertionsAsSurefire");
    ParentRun run = ParentRun.runWithJvmOptions(List.of(), suite);
    assertEquals(seenInWorkers(run, "assertions "), List.of("assertions true"), run.output);
  }

  @Test
  public void workersSeeSystemPropertiesSetInTheParentBeforeTheRunStarted() throws Exception {
    ParentRun run = ParentRun.runWithJvmOptions(List.of(), SUITE);
    assertEquals(seenInWorkers(run, "property "), List.of("property yes"), run.output);
  }

  @Test
  public void aDebuggersPortIsNotGivenToWorkersAndOneLineSaysSo() throws Exception {
    ParentRun run = ParentRun.runWithJvmOptions(
        List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=127.0.0.1:0"), SUITE);
    assertEquals(run.exitCode, 0, run.output);
    assertEquals(run.output.lines().filter(l -> l.startsWith("mproc: workers do not get -agentlib:jdwp")).count(), 1L, run.output);
  }
}
