package mproc.it;

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
          + "    </classes>\n"
          + "  </test>\n"
          + "</suite>\n";

  /** Runs {@code mproc.TestNG args... suite.xml} with the flags Surefire gave this JVM. */
  static ParentRun run(String suiteXml, String... args) throws Exception {
    Path dir = Files.createTempDirectory("mproc-it");
    Path suite = dir.resolve("suite.xml");
    Files.writeString(suite, suiteXml);
    Path log = dir.resolve("run.log");
    Path out = dir.resolve("out");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dit.log=" + log);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("mproc.TestNG");
    command.addAll(List.of(args));
    command.add("-mproc.dir");
    command.add(dir.resolve("runs").toString());
    command.add("-d");
    command.add(out.toString());
    command.add(suite.toString());
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("the parent did not finish in 120 s:\n" + output);
    }
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return new ParentRun(p.exitValue(), output, lines, out, p.pid());
  }

  /** The log's lines that start with {@code prefix}. */
  List<String> events(String prefix) {
    return log.stream().filter(l -> l.startsWith(prefix)).toList();
  }

  /** The pid part of an event line. */
  static long pid(String line) {
    return Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
  }

  /** status of each non-configuration test-method in testng-results.xml, as "name STATUS". */
  List<String> reportedTests() throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(outputDir.resolve("testng-results.xml").toFile());
    NodeList methods = doc.getElementsByTagName("test-method");
    List<String> result = new ArrayList<>();
    for (int i = 0; i < methods.getLength(); i++) {
      Element m = (Element) methods.item(i);
      if (!"true".equals(m.getAttribute("is-config"))) {
        result.add(m.getAttribute("name") + " " + m.getAttribute("status"));
      }
    }
    return result;
  }

  String reportXml() throws IOException {
    return Files.readString(outputDir.resolve("testng-results.xml"));
  }
}
