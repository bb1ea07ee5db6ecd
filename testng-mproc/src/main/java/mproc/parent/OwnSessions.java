package mproc.parent;

import java.util.List;
import mproc.transport.Channel;
import mproc.transport.ClaimTable;
import mproc.transport.Message.WorkerExited;
import mproc.transport.Message.WorkerReady;
import mproc.transport.Message.WorkerStarted;
import mproc.transport.Transport;
import mproc.worker.InProcessWorker;

/**
 * A joined host's own JVM as one of its cores ({@code mproc.parentRuns}, issue 20), as the leader's
 * is: it runs sessions on TestNG's thread between watching its worker JVMs, so a host of
 * {@code -cores N} starts N - 1 of them. The leader sees it as one more of the host's workers
 * ({@code host-H}): it is announced, says it is ready, and says it exited once it has read the end
 * of the work and closed its tests.
 */
final class OwnSessions implements AutoCloseable {
  private final int id;
  private final Channel work;
  private final Channel results;
  private final Channel fixtures;
  private final ClaimTable claims;
  private final InProcessWorker worker;
  private boolean over;

  private OwnSessions(int id, Channel work, Channel results, Channel fixtures, ClaimTable claims, Runnable betweenTests) {
    this.id = id;
    this.work = work;
    this.results = results;
    this.fixtures = fixtures;
    this.claims = claims;
    this.worker = InProcessWorker.forJoinedHost(id, work, results, fixtures, claims, betweenTests);
  }

  /** Opens its channels (its results under {@code id}); {@code betweenTests} runs after each test's start and end. */
  static OwnSessions open(Transport transport, int id, Runnable betweenTests) {
    return new OwnSessions(id, transport.openWork(), transport.openResults(id), transport.openFixtures(), transport.openClaims(),
        betweenTests);
  }

  /** Tells the leader it is one of the host's workers, ready now. */
  void announce(Channel hosts, int host) {
    long pid = ProcessHandle.current().pid();
    hosts.send(new WorkerStarted(id, host, pid, System.currentTimeMillis()));
    results.send(new WorkerReady(id, pid, System.currentTimeMillis()));
  }

  /**
   * Runs one session if any unit is free (and closes tests when asked); once it has read the end of
   * the work, closes its tests and tells the leader it exited. True if it ran a session.
   */
  boolean step(Channel hosts) {
    if (over) {
      return false;
    }
    if (worker.runOneSession()) {
      return true;
    }
    if (worker.ended()) {
      worker.finish();
      hosts.send(new WorkerExited(id, 0, List.of()));
      over = true;
    }
    return false;
  }

  /**
   * The run has ended (the leader said so, maybe before this host read the end of the work): closes
   * its tests if that is still to do and tells the leader it exited, once.
   */
  void end(Channel hosts) {
    if (!over) {
      worker.readPublished();
      worker.finish();
      hosts.send(new WorkerExited(id, 0, List.of()));
      over = true;
    }
  }

  /**
   * From now on code that asks for a global fixture gets the leader's value: once this JVM's suites
   * have started (their start installs this JVM's own fixtures, which a joined host never computes).
   */
  void useLeadersFixtures() {
    worker.useLeadersFixtures();
  }

  /** Its session in progress claims nothing more (the leader is gone). */
  void stopClaiming() {
    worker.stopClaiming();
  }

  @Override
  public void close() {
    work.close();
    results.close();
    fixtures.close();
    claims.close();
  }
}
