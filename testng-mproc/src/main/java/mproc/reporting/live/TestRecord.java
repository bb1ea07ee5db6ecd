package mproc.reporting.live;

/**
 * One test result as the parent heard it, for the progress line and the summary.
 *
 * @param className the test class, qualified
 * @param name how a line names the test: {@code SimpleClass.method}, with {@code [row]} for a data provider's row
 * @param host {@code worker-N}, or {@code mproc} for a result the parent made (a test no worker could run)
 * @param outcome passed, failed or skipped
 * @param startMillis when it started
 * @param endMillis when it ended
 * @param reason the first line of its throwable, or null
 * @param unit the planned unit it belongs to (tests of one unit run on one worker), or -1
 */
public record TestRecord(
    String className, String name, String host, Outcome outcome, long startMillis, long endMillis, String reason, int unit) {
  public enum Outcome { PASSED, FAILED, SKIPPED }

  public long millis() {
    return Math.max(0, endMillis - startMillis);
  }

  /** The first line of a throwable's {@code toString()}, or null. */
  public static String firstLine(Throwable t) {
    if (t == null) {
      return null;
    }
    String s = String.valueOf(t).strip();
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl).strip();
  }
}
