package mproc;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import mproc.reporting.QuietLogging;
import mproc.settings.Cores;
import mproc.settings.Settings;
import mproc.settings.SettingsException;
import mproc.testng.CachingTestNG;
import mproc.transport.ChronicleProperties;
import mproc.transport.JvmFlags;

/**
 * A drop-in for {@code org.testng.TestNG}'s main: {@code java -cp CP mproc.TestNG -cores auto suite.xml}.
 *
 * <p>Takes every TestNG option plus ours: {@code -cores N|auto|auto*K|auto/K}, {@code -disable-mproc
 * [true|false]}, and {@code -mproc.<name> value} for any other setting. Ours become system
 * properties (so they win over {@code -D} ones), {@link MprocListener} is added, and the rest goes to
 * TestNG. If this JVM lacks the flags Chronicle needs, it runs itself once more with them. Exits
 * with the code TestNG would.
 */
public final class TestNG {
  private static final String REEXECUTED = "mproc.reexecuted";

  private TestNG() {}

  public static void main(String[] args) {
    List<String> testngArgs;
    Settings settings;
    try {
      testngArgs = applyOwnOptions(args);
      settings = Settings.resolve(Map.of()); // what command line and system properties say, checked
    } catch (SettingsException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    for (String missing : missingSuiteFiles(testngArgs)) {
      System.err.println("mproc: suite file '" + missing + "' does not exist; check the path (relative to " + Path.of("").toAbsolutePath() + ")");
      System.exit(1);
    }
    boolean disabled = "true".equals(System.getProperty(Settings.DISABLE));
    boolean mayDistribute = System.getProperty(Settings.CORES) != null || suitesMention(testngArgs, Settings.CORES);
    if (!disabled && mayDistribute && !JvmFlags.presentInThisJvm() && System.getProperty(REEXECUTED) == null) {
      System.exit(reexecuteWithFlags(args, settings.classDataSharing()));
    }
    String launcher = System.getProperty(REEXECUTED);
    if (launcher != null) {
      mproc.launch.LauncherWatch.start(Long.parseLong(launcher));
    }
    ChronicleProperties.apply();
    QuietLogging.apply();
    if (!suitesMentionEverywhere(testngArgs, MprocListener.class.getName())) {
      addListener(testngArgs, MprocListener.class.getName());
    }
    for (String problem : missingClasses(testngArgs)) {
      System.err.println(problem);
      System.exit(1);
    }
    try {
      int status = CachingTestNG.runCommandLine(testngArgs.toArray(new String[0]));
      System.exit(mproc.cluster.ClusterSeat.joinedInThisJvm() ? 0 : status); // a failed cluster run was thrown
    } catch (SettingsException e) {
      System.err.println(e.getMessage());
      System.exit(1);
    }
  }

  /** Adds a listener; TestNG keeps only the last {@code -listener} option, so join an existing one. */
  static void addListener(List<String> args, String listener) {
    int i = args.lastIndexOf("-listener");
    if (i >= 0 && i + 1 < args.size()) {
      args.set(i + 1, args.get(i + 1) + "," + listener);
    } else {
      args.add(0, "-listener");
      args.add(1, listener);
    }
  }

  /**
   * Classes named in the suite files that cannot be loaded, as one-line messages (TestNG's own report
   * is a logged error). A suite file that does not parse is left to TestNG to report.
   */
  static List<String> missingClasses(List<String> args) {
    String notFound = "Cannot find class in classpath: ";
    List<String> problems = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("-") || !a.endsWith(".xml") || !Files.isRegularFile(Path.of(a))) {
        continue;
      }
      try {
        new org.testng.xml.internal.Parser(a).parseToList(); // it loads every class it reads
      } catch (org.testng.TestNGException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf(notFound);
        if (at >= 0) {
          String name = message.substring(at + notFound.length()).trim();
          problems.add("mproc: class '" + name + "' of suite file '" + a + "' is not on the class path; check its name and the class path");
        }
      } catch (IOException | RuntimeException e) {
        // TestNG reports a suite file it cannot read
      }
    }
    return problems;
  }

  /** Suite files named on the command line (arguments ending in .xml, .yaml or .yml) that do not exist. */
  static List<String> missingSuiteFiles(List<String> args) {
    List<String> missing = new ArrayList<>();
    for (String a : args) {
      if (!a.startsWith("-") && (a.endsWith(".xml") || a.endsWith(".yaml") || a.endsWith(".yml")) && !Files.exists(Path.of(a))) {
        missing.add(a);
      }
    }
    return missing;
  }

  /** Whether every suite file on the command line contains {@code text} (and there is one). */
  private static boolean suitesMentionEverywhere(List<String> args, String text) {
    List<String> suites = suiteFileTexts(args);
    return !suites.isEmpty() && suites.stream().allMatch(s -> s.contains(text));
  }

  /** Whether any suite file on the command line contains {@code text}. */
  private static boolean suitesMention(List<String> args, String text) {
    return suiteFileTexts(args).stream().anyMatch(s -> s.contains(text));
  }

  private static List<String> suiteFileTexts(List<String> args) {
    List<String> texts = new ArrayList<>();
    for (String a : args) {
      if (a.endsWith(".xml") && Files.isRegularFile(Path.of(a))) {
        try {
          texts.add(Files.readString(Path.of(a)));
        } catch (IOException e) {
          texts.add(""); // TestNG reports the unreadable file itself
        }
      }
    }
    return texts;
  }

  /** Moves our options into system properties and returns the arguments left for TestNG. */
  static List<String> applyOwnOptions(String[] args) {
    List<String> rest = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("-cores")) {
        String value = valueOf(args, ++i, a);
        Cores.parse(value, Runtime.getRuntime().availableProcessors());
        System.setProperty(Settings.CORES, value);
      } else if (a.equals("-disable-mproc")) {
        String value = "true";
        if (i + 1 < args.length && (args[i + 1].equals("true") || args[i + 1].equals("false"))) {
          value = args[++i];
        }
        System.setProperty(Settings.DISABLE, value);
      } else if (a.startsWith("-mproc.")) {
        if (!Settings.NAMES.contains(a.substring(1))) { // a misspelt setting would otherwise do nothing, silently
          throw new SettingsException("mproc: unknown option " + a + "; the settings are -" + String.join(", -", Settings.NAMES)
              + " (or -cores, -disable-mproc)");
        }
        System.setProperty(a.substring(1), valueOf(args, ++i, a));
      } else {
        rest.add(a);
      }
    }
    String cores = System.getProperty(Settings.CORES);
    if (cores != null) {
      Cores.parse(cores, Runtime.getRuntime().availableProcessors());
    }
    Settings.splitArgs(System.getProperty(Settings.JVM_ARGS));
    return rest;
  }

  private static String valueOf(String[] args, int i, String option) {
    // A value may start with '-' (-mproc.jvmArgs "-Xmx1g"); a bad -cores value is caught by its parser.
    if (i >= args.length) {
      throw new SettingsException(option + " needs a value, e.g. " + option + (option.equals("-cores") ? " auto" : " VALUE"));
    }
    return args[i];
  }

  /** Runs this main again in a JVM that has Chronicle's flags; returns its exit code. */
  private static int reexecuteWithFlags(String[] args, boolean classDataSharing) {
    List<String> command = mproc.launch.WorkerCommand.javaWithChronicleFlags();
    command.addAll(mproc.launch.WorkerCommand.JIT_OPTIONS);
    command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.add("-D" + REEXECUTED + "=" + ProcessHandle.current().pid());
    boolean ours = classDataSharing && !mproc.launch.ClassDataSharing.usersOwn(ManagementFactory.getRuntimeMXBean().getInputArguments());
    command.addAll((ours ? mproc.launch.ClassDataSharing.forThisJvm() : mproc.launch.ClassDataSharing.none()).parentJvmOptions());
    command.add(TestNG.class.getName());
    command.addAll(List.of(args));
    try {
      Process child = new ProcessBuilder(command).inheritIO().start();
      Runtime.getRuntime().addShutdownHook(new Thread(child::destroy));
      return child.waitFor();
    } catch (java.io.IOException e) {
      System.err.println("mproc: cannot start java with Chronicle's flags: " + e.getMessage());
      return 1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 1;
    }
  }
}
