package mproc.parent;

import java.util.List;
import mproc.settings.SettingsException;

/**
 * No worker JVM could start (bad {@code mproc.jvmArgs}, a broken class path, no java): the run stops
 * with the command and what the worker printed, rather than waiting for workers that never come.
 */
public final class WorkerStartException extends SettingsException {
  private static final long serialVersionUID = 1L;

  WorkerStartException(String what, List<String> command, List<String> lastLines) {
    super(
        "mproc: " + what + "; check mproc.jvmArgs and the class path\n  command: " + String.join(" ", command)
            + (lastLines.isEmpty() ? "\n  it printed nothing" : "\n  it printed:\n    " + String.join("\n    ", lastLines)));
  }
}
