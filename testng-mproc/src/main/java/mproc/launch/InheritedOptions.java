package mproc.launch;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mproc.settings.Settings;

/**
 * Which of the parent JVM's own options a worker JVM gets: all that change how code behaves
 * ({@code -ea}/{@code -da}/{@code -esa} and their package forms, {@code --add-opens},
 * {@code --enable-preview}, {@code -javaagent} such as JaCoCo's, {@code -Xss}, {@code -Xmx},
 * {@code -D}, locale and encoding, {@code -XX} options), so that a test behaves in a worker as in the
 * JVM the user started (Surefire and Gradle run tests with {@code -ea}). Withheld: what cannot be
 * shared (a debugger's or JMX's port, a flight recording's file: every worker would take the same),
 * our own class-data sharing options (a worker gets its own archive), and what the environment's
 * {@code JAVA_TOOL_OPTIONS}/{@code JDK_JAVA_OPTIONS} gave (a worker inherits the environment: they
 * would apply twice, and an agent would load twice).
 */
public record InheritedOptions(List<String> inherited, List<String> withheld, boolean usersOwnSharing) {
  public InheritedOptions {
    inherited = List.copyOf(inherited);
    withheld = List.copyOf(withheld);
  }

  /** Options a worker must not share with the parent, with a reason the user sees once. */
  private static final List<String> UNSHARABLE = List.of(
      "-agentlib:jdwp", "-Xrunjdwp", "-Xdebug", "-Dcom.sun.management.jmxremote.port=",
      "-Dcom.sun.management.jmxremote.rmi.port=", "-XX:StartFlightRecording", "-XX:FlightRecorderOptions");

  /** Ours, set per JVM we start: never inherited, never mentioned. */
  private static final String OUR_WORKER_ID = "-D" + Settings.WORKER_ID + "=";
  /** Class-data sharing's: ours unless the user chose them ({@link ClassDataSharing#usersOwn}), then inherited as theirs. */
  private static final List<String> SHARING = List.of("-XX:SharedArchiveFile=", "-XX:ArchiveClassesAtExit=", "-Xshare:", "-Xlog:cds",
      "-XX:+AutoCreateSharedArchive");

  public static InheritedOptions ofThisJvm() {
    InheritedOptions options = of(ManagementFactory.getRuntimeMXBean().getInputArguments(),
        System.getenv("JAVA_TOOL_OPTIONS"), System.getenv("JDK_JAVA_OPTIONS"));
    return options.withAssertions(InheritedOptions.class.desiredAssertionStatus());
  }

  /**
   * Surefire enables assertions in its fork without {@code -ea}: it sets the class loader's default
   * ({@code enableAssertions}, on by default). With no assertion option on the command line, a
   * worker gets {@code -ea} when classes loaded here get assertions.
   */
  InheritedOptions withAssertions(boolean enabledHere) {
    boolean given = inherited.stream().anyMatch(a -> ASSERTION_OPTIONS.stream().anyMatch(a::startsWith));
    if (given || !enabledHere) {
      return this;
    }
    List<String> more = new ArrayList<>(inherited);
    more.add("-ea");
    return new InheritedOptions(more, withheld, usersOwnSharing);
  }

  private static final List<String> ASSERTION_OPTIONS = List.of("-ea", "-enableassertions", "-da", "-disableassertions");

  static InheritedOptions of(List<String> inputArguments, String javaToolOptions, String jdkJavaOptions) {
    Map<String, Integer> fromEnvironment = new HashMap<>();
    for (String variable : new String[] {javaToolOptions, jdkJavaOptions}) {
      if (variable != null && !variable.isBlank()) {
        for (String token : variable.trim().split("\\s+")) {
          fromEnvironment.merge(token, 1, Integer::sum);
        }
      }
    }
    List<String> inherited = new ArrayList<>();
    List<String> withheld = new ArrayList<>();
    boolean usersOwnSharing = ClassDataSharing.usersOwn(inputArguments);
    for (String arg : inputArguments) {
      if (fromEnvironment.getOrDefault(arg, 0) > 0) {
        fromEnvironment.merge(arg, -1, Integer::sum);
      } else if (arg.startsWith(OUR_WORKER_ID) || !usersOwnSharing && SHARING.stream().anyMatch(arg::startsWith)) {
        continue;
      } else if (UNSHARABLE.stream().anyMatch(arg::startsWith)) {
        withheld.add(arg);
      } else {
        inherited.add(arg);
      }
    }
    return new InheritedOptions(inherited, withheld, usersOwnSharing);
  }

  /** The one line that says what the workers did not get, or null if they got everything. */
  public String notice() {
    return withheld.isEmpty() ? null
        : "mproc: workers do not get " + String.join(" ", withheld)
            + " (a port or file only one JVM can use); give a worker its own with mproc.jvmArgs if needed";
  }
}
