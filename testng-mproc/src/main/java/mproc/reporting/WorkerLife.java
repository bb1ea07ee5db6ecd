package mproc.reporting;

/**
 * One worker JVM's life in a run, for the summary and the timeline: when it was started, when it
 * said it was ready (0: never), when it ended (0: still running), and why it was lost (null if it
 * ended normally).
 */
public record WorkerLife(int id, long startedMillis, long readyMillis, long endedMillis, String lostBecause) {}
