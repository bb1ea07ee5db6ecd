package mproc.transport;

/**
 * Where a run's messages and claims travel, chosen once per run. The parent and the workers open
 * their channels through it, so that planning, claiming, sessions, fixtures and results do not know
 * which transport they use ({@link ChronicleTransport} on one machine).
 */
public interface Transport {
  /** The plan and the control messages, parent to every worker. */
  Channel openWork();

  /** Global fixtures' values, parent to every worker. */
  Channel openFixtures();

  /** One worker's results, that worker to the parent. */
  Channel openResults(int workerId);

  ClaimTable openClaims();

  /** The hosts' shared state when the run spans several hosts; null for a transport of one machine. */
  default Cluster cluster() {
    return null;
  }
}
