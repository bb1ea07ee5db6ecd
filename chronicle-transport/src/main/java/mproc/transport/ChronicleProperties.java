package mproc.transport;

import java.util.Map;

/**
 * The system properties that keep Chronicle quiet and private. They must be set before the first
 * Chronicle class loads, so every entry point calls {@link #apply()} first, and worker JVMs get
 * them on their command line ({@link #asJvmOptions()}).
 */
public final class ChronicleProperties {
  /**
   * Usage analytics off (a network call and files in the home directory), no banner, no
   * performance notes, no disk-monitor thread, and no {@code system.properties} file picked up from
   * the user's project.
   */
  public static final Map<String, String> QUIET =
      Map.of(
          "chronicle.analytics.disable", "true",
          "chronicle.announcer.disable", "true",
          "disable.perf.info", "true",
          "chronicle.disk.monitor.disable", "true",
          "system.properties", "/dev/null");

  private ChronicleProperties() {}

  /** Sets every property the user has not set themselves. */
  public static void apply() {
    QUIET.forEach(
        (key, value) -> {
          if (System.getProperty(key) == null) {
            System.setProperty(key, value);
          }
        });
  }

  /** The same properties as {@code -Dkey=value} options, in a stable order. */
  public static java.util.List<String> asJvmOptions() {
    return QUIET.entrySet().stream()
        .map(e -> "-D" + e.getKey() + "=" + e.getValue())
        .sorted()
        .toList();
  }
}
