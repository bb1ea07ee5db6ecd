package mproc.transport;

/**
 * What the hosts of one cluster run share besides the work, results and claims (issue 20): who
 * leads, which hosts are alive, values the leader publishes for all (the class path's fingerprint),
 * and two channels between the hosts. Only a cluster transport has one ({@link Transport#cluster}).
 */
public interface Cluster extends AutoCloseable {
  /** The leader's host number; joined hosts count from 1. */
  int LEADER = 0;

  /**
   * Tries to lead the run: true for the first host to ask, for the whole run (a host that comes
   * after the leader ended or died does not lead it again).
   */
  boolean lead();

  /** A host number for a host that does not lead: 1, 2, ... in the order they join. */
  int join();

  /** Says the host is alive for {@code ttlMillis} more; called well within that time while it runs. */
  void beat(int host, long ttlMillis);

  /** Whether the host's last beat is still within its time to live. */
  boolean alive(int host);

  /** Publishes a value under {@code name} for every host of the run. */
  void publish(String name, String value);

  /** A value {@link #publish}ed, or null if there is none (yet). */
  String read(String name);

  /** Joined hosts to the leader ({@link Message.HostJoined}, {@link Message.WorkerStarted}, {@link Message.WorkerExited}); many writers. */
  Channel openHosts();

  /** The leader to every joined host ({@link Message.StopWorker}, {@link Message.RunEnded}). */
  Channel openControl();

  /** Where the cluster is, for messages: never a password. */
  String describe();

  @Override
  void close();
}
