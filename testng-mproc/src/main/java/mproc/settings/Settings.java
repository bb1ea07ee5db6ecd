package mproc.settings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * testng-mproc's settings for one suite, resolved once. Each setting has one name, read from a
 * system property first (where {@code mproc.TestNG}'s command-line options also land, overriding
 * it), then from a suite parameter.
 *
 * @param cores the number of workers, or 0 to run in-process as plain TestNG would
 * @param jvmArgs extra options for every worker JVM
 * @param baseDir where run directories are created
 * @param durations the file of measured test durations: {@code mproc.durations}, by default
 *     {@code .mproc/durations.txt} in the project's directory (see {@link #defaultDurations})
 * @param fixtureClasses classes named in {@code mproc.fixtures} whose global fixtures join the suite's
 * @param timeoutSeconds the longest a test may run in a worker before the worker is stopped (0: no limit)
 * @param maxWorkerRestarts how many crashed workers are replaced in a run (default 4 x cores)
 * @param classDataSharing whether workers start from a class-data sharing archive (default true)
 * @param progress what the parent prints while workers run and at the end (default {@link Progress#AUTO})
 * @param parentRuns whether the parent JVM runs units itself, as one of the {@code cores} (default true;
 *     see {@link #parentWorks})
 * @param cluster {@code redis://[user:password@]host:port/NAME}: the run's channels and claims in that
 *     Redis (issue 20); null: on this machine
 * @param hostTimeoutSeconds in a cluster run, how long a host may go without a heartbeat before the
 *     others count it lost (default 5)
 * @param clusterExit in a cluster run, which hosts exit non-zero when the run fails (default {@link ClusterExit#ALL})
 * @param spreadRows whether the rows of a data provider may run in several workers at once, for the
 *     methods {@code Planner} finds safe to spread (default true)
 */
public record Settings(
    int cores,
    List<String> jvmArgs,
    Path baseDir,
    Path durations,
    List<String> fixtureClasses,
    double timeoutSeconds,
    int maxWorkerRestarts,
    boolean classDataSharing,
    Progress progress,
    boolean parentRuns,
    String cluster,
    double hostTimeoutSeconds,
    ClusterExit clusterExit,
    boolean spreadRows) {
  public static final String CORES = "mproc.cores";
  public static final String DISABLE = "mproc.disable";
  public static final String JVM_ARGS = "mproc.jvmArgs";
  public static final String DIR = "mproc.dir";
  public static final String DURATIONS = "mproc.durations";
  public static final String FIXTURES = "mproc.fixtures";
  public static final String TIMEOUT = "mproc.timeout";
  public static final String MAX_WORKER_RESTARTS = "mproc.maxWorkerRestarts";
  public static final String CDS = "mproc.cds";
  public static final String PROGRESS = "mproc.progress";
  public static final String PARENT_RUNS = "mproc.parentRuns";
  public static final String CLUSTER = "mproc.cluster";
  public static final String HOST_TIMEOUT = "mproc.hostTimeout";
  public static final String CLUSTER_EXIT = "mproc.clusterExit";
  public static final String SPREAD_ROWS = "mproc.spreadRows";
  /** The default durations file, in the cache directory {@link #CACHE_DIR} of the project's directory. */
  public static final String CACHE_DIR = ".mproc";
  public static final String DURATIONS_FILE = "durations.txt";
  /** Every setting a user may give. */
  public static final List<String> NAMES =
      List.of(CORES, DISABLE, JVM_ARGS, DIR, DURATIONS, FIXTURES, TIMEOUT, MAX_WORKER_RESTARTS, CDS, PROGRESS, PARENT_RUNS, CLUSTER,
          HOST_TIMEOUT, CLUSTER_EXIT, SPREAD_ROWS);
  /** Set in every worker JVM to its id; its presence makes the listener stand aside. */
  public static final String WORKER_ID = "mproc.worker.id";

  /**
   * What the parent prints while workers run: a line rewritten in place on a terminal ({@code tty}),
   * a plain line every 10 % or 30 s ({@code plain}), the first when the parent's output is a terminal
   * ({@code auto}); with any of them each failure as it happens and a summary at the end. {@code off}:
   * none of it.
   */
  public enum Progress {
    AUTO, TTY, PLAIN, OFF;

    static Progress parse(String value) {
      if (value == null || value.isBlank() || value.contains("${")) {
        return AUTO;
      }
      for (Progress p : values()) {
        if (p.name().equalsIgnoreCase(value.trim())) {
          return p;
        }
      }
      throw new SettingsException(PROGRESS + ": '" + value + "' is not a valid value; use auto, tty, plain or off");
    }
  }

  /**
   * Which hosts of a cluster run exit non-zero when the run fails: every host ({@code all}, so that
   * each CI job of a matrix shows the failure), or only the leader, whose TestNG reports it.
   */
  public enum ClusterExit {
    ALL, LEADER;

    static ClusterExit parse(String value) {
      if (value == null || value.isBlank() || value.contains("${")) {
        return ALL;
      }
      for (ClusterExit e : values()) {
        if (e.name().equalsIgnoreCase(value.trim())) {
          return e;
        }
      }
      throw new SettingsException(CLUSTER_EXIT + ": '" + value + "' is not a valid value; use all or leader");
    }
  }

  /** As a record shows itself, but a cluster address's password. */
  @Override
  public String toString() {
    return "Settings[cores=" + cores + ", jvmArgs=" + jvmArgs + ", baseDir=" + baseDir + ", durations=" + durations
        + ", fixtureClasses=" + fixtureClasses + ", timeoutSeconds=" + timeoutSeconds + ", maxWorkerRestarts=" + maxWorkerRestarts
        + ", classDataSharing=" + classDataSharing + ", progress=" + progress + ", parentRuns=" + parentRuns
        + ", cluster=" + clusterShown()
        + ", hostTimeoutSeconds=" + hostTimeoutSeconds + ", clusterExit=" + clusterExit + ", spreadRows=" + spreadRows + "]";
  }

  /** The cluster's address as output may show it: its password masked; null without a cluster. */
  public String clusterShown() {
    return cluster == null ? null : cluster.replaceAll("(rediss?://[^:/@]*):[^@/]*@", "$1:***@");
  }

  /** Whether this suite is spread over workers. */
  public boolean distributes() {
    return cores > 0;
  }

  /**
   * Whether the parent JVM is one of the {@code cores}, running units between the workers' results:
   * with {@code mproc.parentRuns} (default true) and at least 2 cores ({@code -cores 1} asks for one
   * JVM apart from the parent), and not with {@code mproc.timeout}, which stops a hung test by stopping
   * its JVM, which the parent's cannot be.
   */
  public boolean parentWorks() {
    return parentRuns && cores >= 2 && timeoutSeconds == 0;
  }

  /** How many worker JVMs the run starts at most: the cores, less the parent when it works. */
  public int workerJvms() {
    return parentWorks() ? cores - 1 : cores;
  }

  /**
   * Whether a run started with these settings starts and watches its workers as one started with
   * {@code other} would: the settings that belong to the run, not to one suite (durations and
   * fixtures are read per suite).
   */
  public boolean sameRunAs(Settings other) {
    return cores == other.cores && jvmArgs.equals(other.jvmArgs) && baseDir.equals(other.baseDir)
        && timeoutSeconds == other.timeoutSeconds && maxWorkerRestarts == other.maxWorkerRestarts
        && classDataSharing == other.classDataSharing && parentRuns == other.parentRuns
        && java.util.Objects.equals(cluster, other.cluster) && hostTimeoutSeconds == other.hostTimeoutSeconds;
  }

  /**
   * Whether {@code mproc.cores} is given, as a system property or a suite parameter: not empty or
   * blank (which mean not set, as {@code -Dmproc.cores=${cores}} gives with Maven's property
   * empty), and not a {@code ${...}} TestNG found nothing for.
   */
  public static boolean coresGiven(Map<String, String> suiteParameters) {
    return given(System.getProperty(CORES)) || given(suiteParameters.get(CORES));
  }

  private static boolean given(String value) {
    return value != null && !value.isBlank() && !value.contains("${");
  }

  /** Resolves settings from system properties, then the suite's parameters. */
  public static Settings resolve(Map<String, String> suiteParameters) {
    return resolve(System::getProperty, suiteParameters::get, Runtime.getRuntime().availableProcessors());
  }

  static Settings resolve(
      Function<String, String> systemProperties, Function<String, String> suiteParameters, int processors) {
    Function<String, String> lookup =
        name -> {
          String v = systemProperties.apply(name);
          return v != null && !(name.equals(CORES) && v.isBlank()) ? v : suiteParameters.apply(name);
        };
    String cores = lookup.apply(CORES);
    int n = given(cores) ? Cores.parse(cores, processors) : 0;
    boolean disabled = SettingValues.isTrue(DISABLE, lookup.apply(DISABLE));
    if (disabled) {
      n = 0;
    } else if (!given(cores) && given(lookup.apply(CLUSTER))) { // never silently alone
      throw new SettingsException(CLUSTER + " is set but " + CORES + " is not: give every host of the run -D" + CORES
          + "=auto (or a number), or -cores auto to mproc.TestNG");
    }
    String dir = lookup.apply(DIR);
    Path base = Path.of(dir == null || dir.isBlank() ? System.getProperty("java.io.tmpdir") : dir);
    String durations = lookup.apply(DURATIONS);
    List<String> fixtureClasses = new ArrayList<>();
    String fixtures = lookup.apply(FIXTURES);
    if (fixtures != null && !fixtures.contains("${")) {
      for (String name : fixtures.split(",")) {
        if (!name.isBlank()) {
          fixtureClasses.add(name.trim());
        }
      }
    }
    double timeout = SettingValues.number(TIMEOUT, lookup.apply(TIMEOUT), 0, "a number of seconds, e.g. -Dmproc.timeout=60 (0: no limit)");
    int restarts = SettingValues.wholeNumber(MAX_WORKER_RESTARTS, lookup.apply(MAX_WORKER_RESTARTS), 4 * n);
    return new Settings(
        n, SettingValues.splitArgs(lookup.apply(JVM_ARGS)), base,
        durations == null || durations.isBlank() ? defaultDurations(systemProperties) : Path.of(durations),
        fixtureClasses, timeout, restarts, lookup.apply(CDS) == null || SettingValues.isTrue(CDS, lookup.apply(CDS)),
        Progress.parse(lookup.apply(PROGRESS)),
        SettingValues.trueUnlessSaidNot(PARENT_RUNS, lookup.apply(PARENT_RUNS)),
        given(lookup.apply(CLUSTER)) ? lookup.apply(CLUSTER).trim() : null,
        hostTimeout(lookup.apply(HOST_TIMEOUT)),
        ClusterExit.parse(lookup.apply(CLUSTER_EXIT)),
        SettingValues.trueUnlessSaidNot(SPREAD_ROWS, lookup.apply(SPREAD_ROWS)));
  }

  private static double hostTimeout(String value) {
    double seconds = SettingValues.number(HOST_TIMEOUT, value, 5, "a number of seconds, at least 1, e.g. -D" + HOST_TIMEOUT + "=10");
    if (seconds < 1) {
      throw new SettingsException(HOST_TIMEOUT + ": '" + value + "' is too short; use at least 1 (seconds), e.g. -D" + HOST_TIMEOUT + "=10");
    }
    return seconds;
  }

  /**
   * {@code .mproc/durations.txt} in the project's directory, which {@code mvn clean} leaves alone (and
   * a CI cache can keep): Maven's {@code basedir} when set (Surefire sets it to the module's
   * directory, its fork's working directory), else the working directory.
   */
  static Path defaultDurations(Function<String, String> systemProperties) {
    String basedir = systemProperties.apply("basedir");
    String dir = basedir != null && !basedir.isBlank() ? basedir : systemProperties.apply("user.dir");
    return Path.of(dir == null ? "" : dir, CACHE_DIR, DURATIONS_FILE);
  }

  /** Splits JVM options on whitespace; double or single quotes keep spaces inside one option. */
  public static List<String> splitArgs(String value) {
    return SettingValues.splitArgs(value);
  }
}
