package mproc.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * TestNG's reports of a run in a form two runs can be compared by: every element and attribute, less
 * what differs between any two runs (clock times, object hashes) or between a JVM and a worker
 * (stack frames below the test's own code, which are the runner's). Durations are kept apart, to be
 * compared loosely.
 */
final class Reports {
  /** Each element of the report, as a line naming its place, attributes and text; sorted (order is by start time). */
  final List<String> lines;
  /** Durations in ms of each test's elements (summed over those that read the same), by their line. */
  final Map<String, Long> durations;

  private Reports(List<String> lines, Map<String, Long> durations) {
    this.lines = lines.stream().sorted().toList();
    this.durations = durations;
  }

  /**
   * The same, with each object's identity hash left out ({@code Holds@2dd80673}, as TestNG's message
   * for a skipped dependant prints its upstream methods' instances): it differs from JVM to JVM.
   */
  Reports withoutIdentityHashes() {
    return new Reports(lines.stream().map(l -> l.replaceAll("@[0-9a-f]{4,8}\\b", "@")).toList(), durations);
  }

  /** testng-results.xml, whose test methods, parameters, exceptions and counts must match. */
  static Reports testngResults(Path outputDir) throws Exception {
    List<String> lines = new ArrayList<>();
    Map<String, Long> durations = new TreeMap<>();
    Element root = parse(outputDir.resolve("testng-results.xml"));
    lines.add("testng-results " + attributes(root));
    walk(root, "", lines, durations, "duration-ms");
    return new Reports(lines, durations);
  }

  /** Every JUnit report TestNG wrote (junitreports/TEST-*.xml), test cases, failures and counts. */
  static Reports junitReports(Path outputDir) throws Exception {
    List<String> lines = new ArrayList<>();
    Map<String, Long> durations = new TreeMap<>();
    try (Stream<Path> files = Files.list(outputDir.resolve("junitreports"))) {
      for (Path file : files.sorted().toList()) {
        Element root = parse(file);
        String place = file.getFileName().toString();
        lines.add(place + " " + attributes(root));
        walk(root, place, lines, durations, "time");
      }
    }
    return new Reports(lines, durations);
  }

  /** testng-failed.xml, the rerun file: which classes and methods, and which rows of each (invocation-numbers). */
  static Reports failedRerun(Path outputDir) throws Exception {
    List<String> lines = new ArrayList<>();
    Element root = parse(outputDir.resolve("testng-failed.xml"));
    walk(root, "", lines, new TreeMap<>(), "-");
    return new Reports(lines, Map.of());
  }

  private static Element parse(Path file) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    // testng-failed.xml names TestNG's DTD by its URL: not fetched (no network in CI)
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(file.toFile()).getDocumentElement();
  }

  private static void walk(Element parent, String place, List<String> lines, Map<String, Long> durations, String durationAttribute) {
    NodeList children = parent.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (!(children.item(i) instanceof Element e)) {
        continue;
      }
      String here = place + "/" + e.getTagName() + name(e);
      if (e.getTagName().equals("test-method") && "true".equals(e.getAttribute("is-config"))) {
        // Configuration runs once per worker that ran it (a @BeforeClass may be listed twice): that it
        // ran, and how, is compared, not how often.
        lines.add("config " + here + " " + attributes(e));
        continue;
      }
      String line = here + " " + attributes(e) + text(e);
      lines.add(line);
      String duration = e.getAttribute(durationAttribute);
      if (!duration.isEmpty() && (e.getTagName().equals("test-method") || e.getTagName().equals("testcase"))) {
        durations.merge(line, Math.round(Double.parseDouble(duration) * (durationAttribute.equals("time") ? 1000 : 1)), Long::sum);
      }
      walk(e, here, lines, durations, durationAttribute);
    }
  }

  private static String name(Element e) {
    String name = e.getAttribute("name");
    return name.isEmpty() ? "" : "[" + name + "]";
  }

  /** Attributes but clock times and hashes; an exception's class as it was in the test (see {@link #exceptionClass}). */
  private static String attributes(Element e) {
    Map<String, String> sorted = new TreeMap<>();
    NamedNodeMap attributes = e.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node a = attributes.item(i);
      switch (a.getNodeName()) {
        case "started-at", "finished-at", "duration-ms", "time", "timestamp", "hostname" -> { }
        case "class", "type" -> sorted.put(a.getNodeName(), exceptionClass(a.getNodeValue(), e));
        default -> sorted.put(a.getNodeName(), a.getNodeValue().replaceAll("@[0-9a-f]+", "@…"));
      }
    }
    return sorted.toString();
  }

  /**
   * A throwable the parent could not rebuild is a {@code RemoteThrowable} carrying the original's
   * class name, which its text shows first (as the README says): compare that.
   */
  private static String exceptionClass(String value, Element e) {
    if (!value.equals("mproc.reporting.RemoteThrowable")) {
      return value;
    }
    NodeList trace = e.getElementsByTagName("full-stacktrace"); // testng-results.xml; JUnit's text is the trace
    String text = (trace.getLength() > 0 ? trace.item(0) : e).getTextContent().strip();
    int end = text.indexOf(':');
    return end < 0 ? text : text.substring(0, end);
  }

  /**
   * An element's own text; of a stack trace, its first line and the frames of test code (those of
   * the runner differ: a worker's session against mproc.TestNG's main, and java.base/ prefixes).
   */
  private static String text(Element e) {
    StringBuilder own = new StringBuilder();
    NodeList children = e.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node n = children.item(i);
      if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
        own.append(n.getNodeValue());
      }
    }
    String text = own.toString().strip();
    if (text.contains("\nat ")) {
      List<String> kept = new ArrayList<>();
      for (String line : text.lines().toList()) {
        if (kept.isEmpty() || line.startsWith("at mproc.it.suite.") || line.startsWith("Caused by:")) {
          kept.add(line);
        }
      }
      text = String.join("\n", kept);
    }
    return text.isEmpty() ? "" : " text=" + text;
  }
}
