package mproc.reporting;

/**
 * One worker's life in a run, for the summary and the timeline: when it was started, when it said it
 * was ready (0: never), when it ended (0: still running), and why it was lost (null if it ended
 * normally). The parent's own sessions ({@code mproc.parentRuns}) are worker {@link #PARENT}.
 */
public record WorkerLife(int id, long startedMillis, long readyMillis, long endedMillis, String lostBecause) {
  /** The id of the parent JVM's own sessions; worker JVMs count from 1. */
  public static final int PARENT = 0;

  /** The host its results carry: {@code worker-N}, or {@code parent}. */
  public String name() {
    return name(id);
  }

  public static String name(int id) {
    return id == PARENT ? "parent" : "worker-" + id;
  }
}
