package mproc.settings;

/**
 * Parses a cores value: a positive integer, {@code auto} (available processors), {@code auto*K} or
 * {@code auto/K} with K a positive number; the result is rounded and at least 1. Empty (or blank)
 * means not set, 0: in-process, the same through {@code mproc.TestNG}, Surefire and plain TestNG
 * ({@code -Dmproc.cores=${cores}} with a Maven property that is empty by default).
 */
public final class Cores {
  private Cores() {}

  public static int parse(String value, int availableProcessors) {
    String v = value == null ? "" : value.trim();
    if (v.isEmpty()) {
      return 0;
    }
    try {
      if (v.equals("auto")) {
        return availableProcessors;
      }
      if (v.startsWith("auto*") || v.startsWith("auto/")) {
        double k = Double.parseDouble(v.substring(5));
        if (!(k > 0) || Double.isInfinite(k)) {
          throw invalid(value);
        }
        double n = v.charAt(4) == '*' ? availableProcessors * k : availableProcessors / k;
        return (int) Math.max(1, Math.round(n));
      }
      if (!v.matches("[0-9]+")) {
        throw invalid(value);
      }
      int n = Integer.parseInt(v);
      if (n < 1) {
        throw invalid(value);
      }
      return n;
    } catch (NumberFormatException e) {
      throw invalid(value);
    }
  }

  private static SettingsException invalid(String value) {
    return new SettingsException(
        "mproc.cores: '" + value + "' is not a valid value; use a positive integer, auto, auto*K or auto/K (K a positive number), e.g. -cores auto");
  }
}
