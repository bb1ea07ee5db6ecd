package mproc.launch;

import java.util.List;

/**
 * A worker JVM as the parent watches it: a process of this machine ({@link WorkerProcess}), or, in a
 * cluster run, one that a joined host started and reports on.
 */
public interface WorkerHandle {
  /** Its id: its claims' owner and its result channel's number. */
  int id();

  boolean isAlive();

  /** Its exit code once it is not alive; -1 if it has none (its host was lost). */
  int exitCode();

  /** How reports name it: "worker 2 (pid 1234)". */
  String describe();

  /** How its end is reported: "worker 2 (pid 1234) exited with code 1". */
  default String ending() {
    return describe() + " exited with code " + exitCode();
  }

  /** The last lines it printed. */
  List<String> lastLines();

  /** Waits up to {@code millis} for it to exit, then stops it. */
  void stop(long millis);
}
