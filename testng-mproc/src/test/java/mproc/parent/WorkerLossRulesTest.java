package mproc.parent;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import java.util.List;
import mproc.launch.WorkerHandle;
import mproc.transport.Message.TestStarted;
import mproc.transport.Message.Working;
import org.testng.annotations.Test;

/**
 * The parent's timeout and loss rules, in-process on a clock we move by hand: what the real-JVM
 * fault tests (FaultsTest, ClusterHostsTest) show end to end, here for each case in milliseconds.
 */
public class WorkerLossRulesTest {
  private long now = 1_000_000_000L;

  private static final class FakeWorker implements WorkerHandle {
    int exitCode = 1;

    @Override public int id() { return 3; }
    @Override public boolean isAlive() { return false; }
    @Override public int exitCode() { return exitCode; }
    @Override public String describe() { return "worker 3 (pid 42)"; }
    @Override public List<String> lastLines() { return List.of(); }
    @Override public void stop(long millis) {}
  }

  private RemoteWorker worker() {
    RemoteWorker w = new RemoteWorker(new FakeWorker(), null, List.of(), 0);
    w.ready = true;
    w.heardNanos = now;
    return w;
  }

  private WorkerTimeouts timeouts(double seconds) {
    return new WorkerTimeouts(seconds, () -> now);
  }

  @Test
  public void aTestInFlightPastTheTimeoutRanTooLongNotBefore() {
    WorkerTimeouts t = timeouts(2);
    RemoteWorker w = worker();
    w.inFlight = new TestStarted(1, 0, "a.B", "c");
    w.inFlightSinceNanos = now;
    now += 2_000_000_000L;
    assertFalse(t.ranTooLong(w), "at the timeout exactly");
    now += 1;
    assertTrue(t.ranTooLong(w));
    assertFalse(timeouts(0).ranTooLong(w), "0: no limit");
    assertEquals(t.testRanTooLong(w, "THREADS"),
        "mproc.timeout: a.B.c ran longer than 2 s in worker 3 (pid 42), which was stopped; its threads:\nTHREADS");
  }

  @Test
  public void silenceOutsideATestCountsOnlyWhenReadyWithNothingInFlight() {
    WorkerTimeouts t = timeouts(1.5);
    RemoteWorker w = worker();
    now += 1_600_000_000L;
    assertTrue(t.silentTooLong(w));
    t.heard(w);
    assertFalse(t.silentTooLong(w), "heard just now");
    now += 1_600_000_000L;
    w.ready = false;
    assertFalse(t.silentTooLong(w), "still starting");
    w.ready = true;
    w.inFlight = new TestStarted(1, 0, "a.B", "c");
    assertFalse(t.silentTooLong(w), "a test in flight has its own rule");
    w.inFlight = null;
    w.working = new Working(0, "a.B", "setUp", 0, Working.Kind.CONFIGURATION);
    assertEquals(t.stuckOutsideTests(w, "T"),
        "mproc.timeout: worker 3 (pid 42) ran configuration method a.B.setUp for longer than 1.5 s, and was stopped; its threads:\nT");
  }

  @Test
  public void aDeadWorkersLossNamesItsTestAndKeepsItsLastOutput() {
    RemoteWorker w = worker();
    w.inFlight = new TestStarted(1, 0, "a.B", "c");
    WorkerLoss loss = WorkerLoss.of(w, List.of("boom", "bye"), true);
    assertEquals(loss.headline(), "worker 3 (pid 42) exited with code 1 while running a.B.c");
    assertEquals(loss.why(), "worker 3 (pid 42) exited with code 1 while running a.B.c; its last output:\n  boom\n  bye");
    assertEquals(loss.line(), loss.headline());
    assertTrue(loss.requeue());
    assertNull(loss.hungClass());
    assertFalse(WorkerLoss.of(w, List.of(), false).requeue(), "no retry once the restart budget is used up");
  }

  @Test
  public void aWorkerStoppedInAConfigurationMethodNamesTheClassItHungIn() {
    RemoteWorker w = worker();
    w.working = new Working(0, "a.B", "setUpClass", 0, Working.Kind.CONFIGURATION);
    w.stoppedOutsideTests = true;
    w.stoppedBecause = "mproc.timeout: worker 3 (pid 42) ran configuration method a.B.setUpClass for longer than 2 s\nthreads";
    WorkerLoss loss = WorkerLoss.of(w, List.of("ignored"), true);
    assertEquals(loss.hungClass(), "a.B");
    assertEquals(loss.why(), w.stoppedBecause, "the reason is why it was stopped, with its threads");
    assertEquals(loss.line(), "mproc.timeout: worker 3 (pid 42) ran configuration method a.B.setUpClass for longer than 2 s");
    w.working = new Working(0, "", "", 0, Working.Kind.SETUP);
    assertNull(WorkerLoss.of(w, List.of(), true).hungClass(), "stuck in TestNG's set-up: no class to skip");
  }

  @Test
  public void aJoinedHostsWorkerIsRetriedOnItsHostsBudgetAndALostHostIsNamed() {
    HostedWorker hosted = new HostedWorker(1002, 77, "host 1 (ci-7, pid 9)", null);
    hosted.hostLost("host 1 (ci-7, pid 9) lost (no heartbeat for 5 s)", System.nanoTime() + 60_000_000_000L);
    assertTrue(hosted.mayStillClaim(), "its host may not have heard yet: its late claims are released");
    HostedWorker exited = new HostedWorker(1003, 78, "host 1 (ci-7, pid 9)", null);
    exited.exited(1, List.of());
    assertFalse(exited.mayStillClaim(), "a worker seen to exit claims nothing more");
    HostedWorker longGone = new HostedWorker(1004, 79, "host 1 (ci-7, pid 9)", null);
    longGone.hostLost("lost", System.nanoTime() - 1);
    assertFalse(longGone.mayStillClaim(), "its host has stopped by now");
    RemoteWorker w = new RemoteWorker(hosted, null, List.of(), 0);
    w.inFlight = new TestStarted(1, 0, "a.B", "c");
    WorkerLoss loss = WorkerLoss.of(w, List.of(), false);
    assertEquals(loss.headline(), "host 1 (ci-7, pid 9) lost (no heartbeat for 5 s) while running a.B.c");
    assertTrue(loss.requeue(), "its work goes to the other hosts whatever this host's restart budget");
    assertEquals(hosted.exitCode(), -1);
  }
}
