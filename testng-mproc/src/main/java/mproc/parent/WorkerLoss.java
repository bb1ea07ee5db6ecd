package mproc.parent;

import java.util.List;
import mproc.transport.Message.Working;

/**
 * Why a worker was lost and what that means for its work, as a value made from the worker's state
 * before anything is reported: the one line the parent prints (and the summary shows), the reason its test in flight fails
 * with (with its last output, or its threads), whether its unstarted work goes back on the queue,
 * and the class it hung in (whose unclaimed units are skipped, as another worker would hang there).
 */
record WorkerLoss(String headline, String why, String line, boolean requeue, String hungClass) {

  /**
   * @param mayReplace whether the restart budget allows a replacement, and so a retry of its work
   *     (a joined host's worker is always retried: its host replaces it on its own budget)
   */
  static WorkerLoss of(RemoteWorker w, List<String> lastLines, boolean mayReplace) {
    String running = w.inFlight != null ? " while running " + w.inFlight.className() + "." + w.inFlight.methodName()
        : w.working != null ? " while running " + WorkerTimeouts.doing(w.working) : "";
    String headline = w.process.ending() + running;
    String why = w.stoppedBecause != null
        ? w.stoppedBecause
        : headline + (lastLines.isEmpty() ? "" : "; its last output:\n  " + String.join("\n  ", lastLines));
    String hungClass = w.stoppedOutsideTests && w.working != null && w.working.kind() != Working.Kind.SETUP
        ? w.working.className() : null;
    String line = w.stoppedBecause != null ? w.stoppedBecause.lines().findFirst().orElse(headline) : headline;
    return new WorkerLoss(headline, why, line, !w.local() || mayReplace, hungClass);
  }
}
