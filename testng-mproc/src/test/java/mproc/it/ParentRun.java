package mproc.it;

import mproc.TempDirs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Runs a suite in a parent JVM of its own through {@code mproc.TestNG} and collects what happened. */
final class ParentRun {
  final int exitCode;
  final String output;
  final List<String> log;
  final Path outputDir;
  final long parentPid;

  private ParentRun(int exitCode, String output, List<String> log, Path outputDir, long parentPid) {
    this.exitCode = exitCode;
    this.output = output;
    this.log = log;
    this.outputDir = outputDir;
    this.parentPid = parentPid;
  }

  static final String SUITE =
      "<!DOCTYPE suite SYSTEM \"https://testng.org/testng-1.0.dtd\">\n"
          + "<suite name=\"it\">\n"
          + "  <listeners>\n"
          + "    <listener class-name=\"mproc.MprocListener\"/>\n"
          + "    <listener class-name=\"mproc.it.suite.RecordingListener\"/>\n"
          + "    <listener class-name=\"mproc.it.suite.ReportProbe\"/>\n"
          + "  </listeners>\n"
          + "  <test name=\"first\">\n"
          + "    <classes>\n"
          + "      <class name=\"mproc.it.suite.SuiteHooks\"/>\n"
          + "      <class name=\"mproc.it.suite.SlowA\"/>\n"
          + "    </classes>\n"
          + "  </test>\n"
          + "  <test name=\"second\">\n"
          + "    <classes>\n"
          + "      <class name=\"mproc.it.suite.MixedB\"/>\n"
          + "      <class name=\"mproc.it.suite.Rows\"/>\n"
          + "    </classes>\n"
          + "  </test>\n"
          + "</suite>\n";

  /**
   * A suite file of one {@code <test>} over these classes (of package {@code pkg}); {@code head} goes
   * before the test (parameters, listeners).
   */
  static String suite(String name, String head, String pkg, String... classes) {
    StringBuilder xml = new StringBuilder();
    xml.append("<!DOCTYPE suite SYSTEM \"https://testng.org/testng-1.0.dtd\">\n<suite name=\"").append(name).append("\">\n")
        .append(head)
        .append("  <test name=\"").append(name).append("\">\n    <classes>\n");
    for (String c : classes) {
      xml.append("      <class name=\"").append(pkg).append(c).append("\"/>\n");
    }
    return xml.append("    </classes>\n  </test>\n</suite>\n").toString();
  }

  static final String RECORDING_LISTENER = "  <listeners><listener class-name=\"mproc.it.suite.RecordingListener\"/></listeners>\n";

  /** The recording listener and {@code ReportProbe}, which records each start and end a listener hears. */
  static final String PROBED = "  <listeners><listener class-name=\"mproc.it.suite.RecordingListener\"/>"
      + "<listener class-name=\"mproc.it.suite.ReportProbe\"/></listeners>\n";

  /**
   * Every test start a listener heard was ended once, on the same result, and no result ended without a
   * start, but for a data provider's failure (TestNG reports it so); as "method result" pairs.
   */
  static List<String> unmatchedStartsAndEnds(List<String> log) {
    java.util.Map<String, Integer> open = new java.util.TreeMap<>();
    for (String line : log) {
      if (line.startsWith("probe ") && !line.startsWith("probe invoked")) {
        String[] f = line.split(" ");
        String key = f[2] + " " + line.replaceAll(".* result=(\\d+).*", "$1");
        open.merge(key, f[1].equals("start") ? 1 : -1, Integer::sum);
      }
    }
    open.values().removeIf(n -> n == 0);
    return open.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
  }

  /** Runs {@code mproc.TestNG args... suite.xml} (which restarts itself once with Chronicle's flags). */
  static ParentRun run(String suiteXml, String... args) throws Exception {
    return start(false, suiteXml, args).await();
  }

  /** A parent started and not yet awaited. */
  static final class Running {
    final Process process;
    final Path dir;
    final Path log;
    final Path out;

    Running(Process process, Path dir, Path log, Path out) {
      this.process = process;
      this.dir = dir;
      this.log = log;
      this.out = out;
    }

    /** The run directories' parent ({@code -mproc.dir}). */
    Path runs() {
      return dir.resolve("runs");
    }

    List<String> logLines() throws IOException {
      return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    ParentRun await() throws Exception {
      java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
      Thread reader = new Thread(() -> {
        try {
          process.getInputStream().transferTo(captured);
        } catch (IOException e) {
          // the process ended
        }
      });
      reader.start();
      if (!process.waitFor(120, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the parent did not finish in 120 s:\n" + captured.toString(StandardCharsets.UTF_8));
      }
      reader.join(10_000);
      return new ParentRun(process.exitValue(), captured.toString(StandardCharsets.UTF_8), logLines(), out, process.pid());
    }
  }

  /**
   * Starts {@code mproc.TestNG args... suite.xml}. With {@code withFlags}, the JVM gets Chronicle's
   * flags on its command line, so that it is the parent itself (no restart): for tests that kill it.
   */
  static Running start(boolean withFlags, String suiteXml, String... args) throws IOException {
    return start(withFlags, TempDirs.directory("mproc-it"), suiteXml, args);
  }

  /** Starts another run in the directory of an earlier one (the same {@code mproc.dir}). */
  static Running startIn(Path dir, String suiteXml, String... args) throws IOException {
    return start(false, Files.createDirectories(dir.resolve("again")), suiteXml, withDir(dir.resolve("runs"), args));
  }

  private static String[] withDir(Path runs, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.add("-mproc.dir");
    all.add(runs.toString());
    return all.toArray(new String[0]);
  }

  /** Runs {@code mproc.TestNG args... suite.xml} in a JVM started with these options of the user's. */
  static ParentRun runWithJvmOptions(List<String> jvmOptions, String suiteXml, String... args) throws Exception {
    return start(false, TempDirs.directory("mproc-it"), jvmOptions, suiteXml, args).await();
  }

  /**
   * Runs {@code mproc.TestNG args... suite.xml} with this working directory (a project's, where the
   * default durations file is kept), its run directory and output directory fresh as always.
   */
  static ParentRun runIn(Path workingDir, List<String> jvmOptions, String suiteXml, String... args) throws Exception {
    return start(false, TempDirs.directory("mproc-it"), workingDir, jvmOptions, suiteXml, args).await();
  }

  private static Running start(boolean withFlags, Path dir, String suiteXml, String... args) throws IOException {
    return start(withFlags, dir, List.of(), suiteXml, args);
  }

  private static Running start(boolean withFlags, Path dir, List<String> jvmOptions, String suiteXml, String... args) throws IOException {
    return start(withFlags, dir, dir, jvmOptions, suiteXml, args);
  }

  /**
   * The parent's working directory is a temporary one ({@code dir} unless another is given): the
   * default durations file ({@code .mproc/} there) is then new for every run, as the output
   * directory's was, and no run leaves a {@code .mproc/} in the module's source tree. It has a
   * {@code target} directory, as a project's has: without one Chronicle makes (and leaves)
   * {@code java.io.tmpdir/target} (docs/architecture.md, Known gaps).
   */
  private static Running start(
      boolean withFlags, Path dir, Path workingDir, List<String> jvmOptions, String suiteXml, String... args) throws IOException {
    Files.createDirectories(workingDir.resolve("target"));
    Path suite = dir.resolve("suite.xml");
    Files.writeString(suite, suiteXml);
    Path log = dir.resolve("run.log");
    Path out = dir.resolve("out");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (withFlags) {
      command.addAll(mproc.transport.JvmFlags.ALL);
      command.addAll(mproc.transport.ChronicleProperties.asJvmOptions());
    }
    command.addAll(jvmOptions);
    command.add("-Dit.log=" + log);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("mproc.TestNG");
    command.add("-mproc.dir");
    command.add(dir.resolve("runs").toString());
    // Most tests are about workers (which JVM ran what, crashes, hangs): the parent runs no tests of
    // its own unless a test asks for it with -mproc.parentRuns true.
    command.add("-mproc.parentRuns");
    command.add("false");
    command.addAll(List.of(args)); // a later -mproc.dir or -mproc.parentRuns wins
    command.add("-d");
    command.add(out.toString());
    command.add(suite.toString());
    Process p = TempDirs.killOnExit(new ProcessBuilder(command).directory(workingDir.toFile()).redirectErrorStream(true).start());
    return new Running(p, dir, log, out);
  }

  /** Worker JVMs whose command line names this directory (a run's {@code mproc.dir}) and are alive. */
  static List<ProcessHandle> workersUnder(Path runs) {
    return ProcessHandle.allProcesses()
        .filter(p -> commandLine(p).contains("mproc.worker.WorkerMain") && commandLine(p).contains(runs.toString()))
        .toList();
  }

  /** The whole command line: the JDK's {@code ProcessHandle.Info} cuts it at 4,096 bytes, before a worker's run directory. */
  private static String commandLine(ProcessHandle p) {
    try {
      return Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline")).replace('\0', ' ');
    } catch (IOException | RuntimeException e) {
      return p.info().commandLine().orElse(""); // gone, or not Linux
    }
  }

  /** The log's lines that start with {@code prefix}. */
  List<String> events(String prefix) {
    return log.stream().filter(l -> l.startsWith(prefix)).toList();
  }

  /** The JVMs (pids) in which the events that start with {@code prefix} happened. */
  java.util.Set<Long> pids(String prefix) {
    return events(prefix).stream().map(ParentRun::pid).collect(java.util.stream.Collectors.toSet());
  }

  /** The pid part of an event line. */
  static long pid(String line) {
    return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
  }

  /** status of each non-configuration test-method in testng-results.xml, as "name STATUS". */
  List<String> reportedTests() throws Exception {
    return reported(false);
  }

  /** status of each configuration method in testng-results.xml, as "name STATUS". */
  List<String> reportedConfigurations() throws Exception {
    return reported(true);
  }

  private List<String> reported(boolean configurations) throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(outputDir.resolve("testng-results.xml").toFile());
    NodeList methods = doc.getElementsByTagName("test-method");
    List<String> result = new ArrayList<>();
    for (int i = 0; i < methods.getLength(); i++) {
      Element m = (Element) methods.item(i);
      if ("true".equals(m.getAttribute("is-config")) == configurations) {
        result.add(m.getAttribute("name") + " " + m.getAttribute("status"));
      }
    }
    return result;
  }

  String reportXml() throws IOException {
    return Files.readString(outputDir.resolve("testng-results.xml"));
  }
}
