package mproc.reporting;

/**
 * One worker's life in a run, for the summary and the timeline: when it was started, when it said it
 * was ready (0: never), when it ended (0: still running), and why it was lost (null if it ended
 * normally). The parent's own sessions ({@code mproc.parentRuns}) are worker {@link #PARENT}.
 */
public record WorkerLife(int id, long startedMillis, long readyMillis, long endedMillis, String lostBecause) {
  /** The id of the parent JVM's own sessions; worker JVMs count from 1. */
  public static final int PARENT = 0;

  /**
   * Worker ids of a cluster run's joined hosts: host H's own JVM is {@code H * HOST_IDS}, its worker
   * JVMs count from {@code H * HOST_IDS + 1} (the leader's are below it), so every worker of the run
   * has an id of its own.
   */
  public static final int HOST_IDS = 1000;

  /**
   * The host its results carry: {@code worker-N}, {@code parent}, and on a joined host H
   * {@code host-H-worker-N}, or {@code host-H} for that host's own JVM.
   */
  public String name() {
    return name(id);
  }

  public static String name(int id) {
    if (id == PARENT) {
      return "parent";
    }
    if (id < HOST_IDS) {
      return "worker-" + id;
    }
    return "host-" + id / HOST_IDS + (id % HOST_IDS == 0 ? "" : "-worker-" + id % HOST_IDS); // host-H: a joined host's own JVM
  }
}
