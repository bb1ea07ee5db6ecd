package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mproc.transport.ChronicleProperties;
import mproc.transport.JvmFlags;
import org.testng.SkipException;
import org.testng.annotations.Test;

/**
 * Suites run by plain {@code org.testng.TestNG}, as Surefire and IDEs run them: the listener comes
 * from TestNG's service loader, and the console shows what the user's logging set-up shows, once.
 */
public class StockTestNGTest {
  private static final String RECORDING = "    <listener class-name=\"mproc.it.suite.RecordingListener\"/>\n";
  private static final String FINDER = "    <listener class-name=\"mproc.it.suite.FinderProbe\"/>\n";
  private static final String OURS = "    <listener class-name=\"mproc.MprocListener\"/>\n";
  private static final String[] CLASSES = {"mproc.it.suite.SuiteHooks", "mproc.it.suite.SlowA"};

  /** An IDE's suite: no {@code <listeners>} of ours. {@code -Dmproc.cores=2} is enough. */
  @Test
  public void theServiceLoaderTurnsOnWorkersForASuiteThatDoesNotNameTheListener() throws Exception {
    Run run = Run.of(suite(RECORDING, CLASSES)).cores("2").go();
    assertEquals(run.exitCode, 0, run.output);
    assertEachTestReportedOnce(run);
    assertRanInWorkers(run);
  }

  /** Service loader and {@code <listener>}: two instances, one acts; each result once, no warning. */
  @Test
  public void aSuiteThatAlsoNamesTheListenerGetsEachResultOnce() throws Exception {
    Run run = Run.of(suite(OURS + RECORDING, CLASSES)).cores("2").go();
    assertEquals(run.exitCode, 0, run.output);
    assertEachTestReportedOnce(run);
    assertRanInWorkers(run);
    assertEquals(run.events("listener ").size(), 6, run.output);
    assertEquals(count(run.output, "mproc: stock:"), 1, "one run, not one per instance:\n" + run.output);
    assertTrue(run.pids("test ").size() <= 2, "at most 2 workers:\n" + run.log);
    assertFalse(run.output.contains("Ignoring duplicate listener"), run.output);
    assertFalse(run.output.contains("already set"), run.output);
  }

  /**
   * Without mproc.cores, the jar on the class path changes nothing: no run directory, no durations
   * file, no line of ours, and a user's own IConfigurable is TestNG's only one (no "Configurable
   * already set" warning), called for each configuration method.
   */
  @Test
  public void withoutCoresTheListenerOnTheClassPathChangesNothing() throws Exception {
    Run run = Run.of(suite(RECORDING + FINDER + "    <listener class-name=\"mproc.it.suite.quiet.UserConfigurable\"/>\n", CLASSES)).go();
    assertEquals(run.exitCode, 0, run.output);
    assertEachTestReportedOnce(run);
    assertEquals(run.pids("test "), Set.of(run.pid), "in the parent");
    assertFalse(Files.exists(run.dir.resolve("runs")), "no run directory");
    assertFalse(Files.exists(run.dir.resolve(".mproc")), "no durations file (.mproc/ in the working directory)");
    assertFalse(run.output.contains("mproc:"), run.output);
    assertFalse(run.output.contains("already set"), run.output);
    assertEquals(run.events("configurable ").stream().map(e -> e.split(" ")[1]).sorted().toList(),
        List.of("afterSuite", "beforeClass", "beforeSuite"), run.output);
    assertEquals(parentFinder(run), "JDK15AnnotationFinder", "TestNG's own annotation finder:\n" + run.log);
  }

  /**
   * With mproc.cores, the parent's TestNG (Surefire's, an IDE's) sets its suites up through the
   * annotation cache its sessions and the workers use: 2,000 methods were set up 0.9 s sooner
   * through Maven. Not with a user's annotation transformer, which sees every lookup as without us.
   */
  @Test
  public void withCoresTheParentsTestNGLooksEachAnnotationUpOnce() throws Exception {
    Run run = Run.of(suite(RECORDING + FINDER, CLASSES)).cores("2").go();
    assertEquals(run.exitCode, 0, run.output);
    assertEachTestReportedOnce(run);
    assertEquals(parentFinder(run), "CachingAnnotationFinder", run.log.toString());
    Run transformed = Run.of(suite(RECORDING + FINDER + "    <listener class-name=\"mproc.it.suite.layout.Twice\"/>\n", CLASSES))
        .cores("2").go();
    assertEquals(transformed.exitCode, 0, transformed.output);
    assertEachTestReportedOnce(transformed);
    assertEquals(parentFinder(transformed), "JDK15AnnotationFinder", transformed.log.toString());
  }

  private static String parentFinder(Run run) {
    List<String> found = run.events("finder ").stream().filter(e -> ParentRun.pid(e) == run.pid).map(e -> e.split(" ")[1]).toList();
    assertEquals(found.size(), 1, "the parent starts the suite once:\n" + run.log);
    return found.get(0);
  }

  /**
   * With workers and a user's IConfigurable, TestNG is given one configurable (no warning in the
   * parent); the parent still passes over the suite-level configuration the workers run.
   */
  @Test
  public void aUsersConfigurableStillRunsBesideOurs() throws Exception {
    Run run = Run.of(suite(OURS + "    <listener class-name=\"mproc.it.suite.quiet.UserConfigurable\"/>\n", CLASSES)).cores("2").go();
    assertEquals(run.exitCode, 0, run.output);
    assertRanInWorkers(run);
    assertFalse(parentLines(run).contains("already set"), run.output); // workers: their own IConfigurable and the user's
    assertFalse(run.pids("beforeSuite").contains(run.pid), "@BeforeSuite runs in the workers, not in the parent");
    assertFalse(run.pids("configurable ").contains(run.pid), "the parent passed over suite-level configuration:\n" + run.log);
    assertFalse(run.output.contains("already set"), "TestNG keeps one configurable: the workers' calls the user's\n" + run.output);
    assertEquals(run.events("configurable beforeClass").size(), run.events("beforeClass").size(),
        "the user's configurable ran each @BeforeClass in the workers:\n" + run.log);
    assertEquals(run.events("configurable beforeSuite").size(), run.pids("beforeSuite").size(), "and each worker's @BeforeSuite, once:\n" + run.log);
  }

  /**
   * slf4j-simple instead of logback (a user's other backend): no "multiple SLF4J providers", nothing
   * below WARN from the workers, TestNG's warning about a static configuration method printed once
   * (the parent's) as in the sequential run, and no empty worker lines.
   */
  @Test
  public void withAnotherBackendTheWorkersAddNothingToWhatASequentialRunShows() throws Exception {
    Path simple = Path.of("target", "slf4j-providers", "slf4j-simple.jar").toAbsolutePath();
    assertTrue(Files.exists(simple), simple + ": made by mvn's generate-test-resources phase");
    String suite = suite(RECORDING, "mproc.it.suite.quiet.StaticSetUp", "mproc.it.suite.SlowA");
    Run sequential = Run.of(suite).classPath(withoutLogback(simple)).go();
    Run workers = Run.of(suite).classPath(withoutLogback(simple)).cores("2").go();
    assertEquals(workers.exitCode, 0, workers.output);
    assertRanInWorkers(workers);
    for (Run run : List.of(sequential, workers)) {
      assertFalse(run.output.contains("SLF4J"), run.output);
      assertEquals(count(run.output, "Detected a static method [mproc.it.suite.quiet.StaticSetUp.setUp()]"), 1, run.output);
      assertFalse(run.output.contains("DEBUG"), run.output);
    }
    for (String line : workers.output.split("\n")) {
      if (line.startsWith("[worker-")) {
        assertFalse(line.contains(" INFO ") || line.contains(" DEBUG ") || line.contains(" TRACE "), line);
        assertFalse(line.matches("\\[worker-\\d+\\]\\s*"), "an empty worker line:\n" + workers.output);
      }
    }
  }

  /** No SLF4J provider at all: SLF4J's notice is printed by the parent only, as sequentially. */
  @Test
  public void withoutAnyProviderSlf4jSaysSoOnceNotInEveryWorker() throws Exception {
    Run run = Run.of(suite(RECORDING, CLASSES)).classPath(withoutLogback(null)).cores("2").go();
    assertEquals(run.exitCode, 0, run.output);
    assertRanInWorkers(run);
    assertEquals(count(run.output, "No SLF4J providers were found"), 1, run.output);
    assertFalse(run.output.contains("Detected a static method"), run.output);
  }

  /** On JDK 24+, Chronicle's use of sun.misc.Unsafe warns in every JVM unless it is allowed. */
  @Test
  public void onJdk25NoJvmWeStartWarnsAboutUnsafe() throws Exception {
    Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
    if (!Files.isExecutable(java25)) {
      throw new SkipException("no JDK 25 at " + java25);
    }
    Run run = Run.of(suite(RECORDING, CLASSES)).java(java25.toString(), JvmFlags.forFeatureVersion(25)).cores("2").go();
    assertEquals(run.exitCode, 0, run.output);
    assertRanInWorkers(run);
    assertFalse(run.output.contains("sun.misc.Unsafe"), run.output);
  }

  private static void assertEachTestReportedOnce(Run run) {
    List<String> reported = run.events("listener ").stream().map(e -> e.split(" ")[2]).sorted().toList();
    assertEquals(reported, List.of("a1", "a2", "a3", "a4", "a5", "a6"), run.output);
  }

  private static void assertRanInWorkers(Run run) {
    Set<Long> where = run.pids("test ");
    assertFalse(where.isEmpty(), run.output);
    assertFalse(where.contains(run.pid), "tests ran in the parent:\n" + run.output);
  }

  private static String parentLines(Run run) {
    return Arrays.stream(run.output.split("\n")).filter(l -> !l.startsWith("[worker-")).collect(Collectors.joining("\n"));
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** This JVM's class path without logback (and its logback-test.xml), with {@code provider} if given. */
  private static String withoutLogback(Path provider) {
    List<String> entries = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!e.contains("logback")) {
        entries.add(e);
      }
    }
    if (provider != null) {
      entries.add(provider.toString());
    }
    return String.join(File.pathSeparator, entries);
  }

  private static String suite(String listeners, String... classes) {
    StringBuilder xml = new StringBuilder("<!DOCTYPE suite SYSTEM \"https://testng.org/testng-1.0.dtd\">\n<suite name=\"stock\">\n");
    xml.append("  <listeners>\n").append(listeners).append("  </listeners>\n  <test name=\"stock\">\n    <classes>\n");
    for (String c : classes) {
      xml.append("      <class name=\"").append(c).append("\"/>\n");
    }
    return xml.append("    </classes>\n  </test>\n</suite>\n").toString();
  }

  /** {@code java <Chronicle's flags> [-Dmproc.cores=N] -cp CP org.testng.TestNG -d out suite.xml}. */
  static final class Run {
    final String suiteXml;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> flags = JvmFlags.ALL;
    String classPath = System.getProperty("java.class.path");
    String cores;
    /** Whether the parent runs tests of its own ({@code mproc.parentRuns}); most tests here are about workers. */
    boolean parentRuns;
    Path dir;
    int exitCode;
    String output;
    long pid;
    List<String> log;

    private Run(String suiteXml) {
      this.suiteXml = suiteXml;
    }

    static Run of(String suiteXml) {
      return new Run(suiteXml);
    }

    Run cores(String n) {
      cores = n;
      return this;
    }

    Run parentRuns() {
      parentRuns = true;
      return this;
    }

    Run classPath(String cp) {
      classPath = cp;
      return this;
    }

    Run java(String executable, List<String> jvmFlags) {
      java = executable;
      flags = jvmFlags;
      return this;
    }

    Run go() throws Exception {
      dir = mproc.TempDirs.directory("mproc-stock");
      Files.createDirectories(dir.resolve("target")); // as a project has: else Chronicle makes java.io.tmpdir/target
      Path suite = dir.resolve("suite.xml");
      Files.writeString(suite, suiteXml);
      List<String> command = new ArrayList<>(List.of(java));
      command.addAll(flags);
      command.addAll(ChronicleProperties.asJvmOptions());
      command.add("-Dit.log=" + dir.resolve("run.log"));
      command.add("-Dmproc.dir=" + dir.resolve("runs"));
      command.add("-Dmproc.cds=false");
      if (cores != null) {
        command.add("-Dmproc.cores=" + cores);
        // measured as small by an earlier run or not, these tests are about workers
        command.add("-Dmproc.durations=" + dir.resolve("durations.txt"));
        command.add("-Dmproc.parentRuns=" + parentRuns);
      }
      command.addAll(Arrays.asList("-cp", classPath, "org.testng.TestNG", "-d", dir.resolve("out").toString(), suite.toString()));
      Process p = mproc.TempDirs.killOnExit(new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start());
      pid = p.pid();
      byte[] bytes;
      try (var in = p.getInputStream()) {
        bytes = in.readAllBytes();
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("did not finish in 120 s");
      }
      exitCode = p.exitValue();
      output = new String(bytes, StandardCharsets.UTF_8);
      Path logFile = dir.resolve("run.log");
      log = Files.exists(logFile) ? Files.readAllLines(logFile) : List.of();
      return this;
    }

    List<String> events(String prefix) {
      return log.stream().filter(l -> l.startsWith(prefix)).toList();
    }

    Set<Long> pids(String prefix) {
      return events(prefix).stream().map(ParentRun::pid).collect(Collectors.toSet());
    }
  }
}
