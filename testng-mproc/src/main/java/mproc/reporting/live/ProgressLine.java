package mproc.reporting.live;

import java.util.Locale;

/**
 * The progress line's text and figures, pure functions of recorded values and a clock passed in:
 * {@code mproc  1,234/2,000  62%  3 failed  1 skipped  4 workers busy  eta 0:12}.
 */
public final class ProgressLine {
  /** On a terminal: the line is rewritten at most this often. */
  public static final long REDRAW_MILLIS = 100;
  /** Not a terminal: a line at least this often, and at every tenth of the tests. */
  public static final long PLAIN_EVERY_MILLIS = 30_000;

  private ProgressLine() {}

  public static String format(int done, int total, int failed, int skipped, int busy, long etaMillis) {
    StringBuilder line = new StringBuilder("mproc  ");
    line.append(String.format(Locale.ROOT, "%,d/%,d  %d%%", done, total, percent(done, total)));
    if (failed > 0) {
      line.append("  ").append(failed).append(" failed");
    }
    if (skipped > 0) {
      line.append("  ").append(skipped).append(" skipped");
    }
    line.append("  ").append(busy).append(busy == 1 ? " worker busy" : " workers busy");
    if (etaMillis >= 0) {
      line.append("  eta ").append(clock(etaMillis));
    }
    return line.toString();
  }

  static int percent(int done, int total) {
    return total <= 0 ? 0 : (int) Math.min(100, 100L * done / total);
  }

  /** {@code m:ss}, or {@code h:mm:ss} from an hour; rounded up, so that 0:00 means done. */
  public static String clock(long millis) {
    long s = (Math.max(0, millis) + 999) / 1000;
    return s >= 3600
        ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  /**
   * How long the rest of the tests should take, or -1 if nothing tells yet. From the measured
   * durations of what is left when earlier runs measured any ({@code remainingExpectedMillis} ≥ 0:
   * its sum spread over the workers, but never less than its longest part, which one worker runs);
   * else from the rate so far (the time since the first test started, per test done).
   *
   * @param remainingExpectedMillis the expected time of the tests not done yet, -1 if nothing was measured
   * @param longestRemainingMillis the longest expected unit not done yet
   */
  public static long etaMillis(
      long nowMillis, long firstStartMillis, int done, int total, long remainingExpectedMillis, long longestRemainingMillis, int workers) {
    if (total > 0 && done >= total) {
      return 0;
    }
    if (remainingExpectedMillis >= 0) {
      return Math.max(remainingExpectedMillis / Math.max(1, workers), longestRemainingMillis);
    }
    if (done == 0 || firstStartMillis <= 0) {
      return -1;
    }
    long elapsed = Math.max(0, nowMillis - firstStartMillis);
    return elapsed * (total - done) / done;
  }

  /**
   * Not a terminal: whether a plain line is due, at the first tenth of the tests reached since the
   * last line, or {@link #PLAIN_EVERY_MILLIS} after it.
   */
  public static boolean plainLineDue(long nowMillis, long lastLineMillis, int lastTenth, int done, int total) {
    return tenth(done, total) > lastTenth || nowMillis - lastLineMillis >= PLAIN_EVERY_MILLIS;
  }

  public static int tenth(int done, int total) {
    return percent(done, total) / 10;
  }
}
