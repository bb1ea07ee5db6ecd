import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Compares TestNG runs test by test: the first run is the reference (the sequential one).
 *
 * <pre>java Diff.java SUITE_NAME REF_DIR OTHER_DIR...</pre>
 *
 * Each DIR holds the run's testng-results.xml and, from /usr/bin/time, a file "time" with
 * "wall user sys" seconds. A test is keyed by class, method, parameters (object hash codes and
 * lambda numbers taken out) and ITest instance name; the key's statuses are compared as a multiset
 * (data-provider rows, invocationCount and @Factory instances with equal keys count as several).
 * Configuration methods are not compared (a worker runs @BeforeClass once per worker by design);
 * their failures and skips are listed. Exit status 1 when any test differs from the reference.
 */
public class Diff {
  record Result(String status, String exception) {}

  record Run(String name, Map<String, List<Result>> tests, List<String> configProblems, int[] counts, String time) {}

  public static void main(String[] args) throws Exception {
    String suite = args[0];
    List<Run> runs = new ArrayList<>();
    for (int i = 1; i < args.length; i++) runs.add(read(Path.of(args[i])));
    System.out.printf("%n== %s%n", suite);
    System.out.printf("  %-16s %7s %7s %7s %7s   %8s %8s%n", "run", "total", "pass", "fail", "skip", "wall s", "cpu s");
    for (Run r : runs) {
      System.out.printf("  %-16s %7d %7d %7d %7d   %s%n", r.name, r.counts[0], r.counts[1], r.counts[2], r.counts[3], r.time);
    }
    Run ref = runs.get(0);
    int differences = 0;
    for (Run r : runs) {
      if (r.counts[0] == 0) { // two runs that ran nothing do not agree: the suite did not run
        System.out.printf("  %s: NO TEST RAN (see its log)%n", r.name);
        differences++;
      }
    }
    for (Run r : runs.subList(1, runs.size())) {
      TreeSet<String> keys = new TreeSet<>(ref.tests.keySet());
      keys.addAll(r.tests.keySet());
      List<String> lines = new ArrayList<>();
      for (String k : keys) {
        List<Result> a = ref.tests.getOrDefault(k, List.of());
        List<Result> b = r.tests.getOrDefault(k, List.of());
        Map<String, Integer> ca = count(a), cb = count(b);
        if (ca.equals(cb)) continue;
        differences++;
        lines.add("  " + k + "\n      " + ref.name + ": " + describe(ca) + "   " + r.name + ": " + describe(cb));
        for (Result x : b) {
          if (!x.status.equals("PASS") && ca.getOrDefault(x.status, 0) < cb.get(x.status)) {
            lines.add("      " + r.name + " " + x.status + ": " + x.exception);
            break;
          }
        }
        for (Result x : a) {
          if (!x.status.equals("PASS") && cb.getOrDefault(x.status, 0) < ca.get(x.status)) {
            lines.add("      " + ref.name + " " + x.status + ": " + x.exception);
            break;
          }
        }
      }
      System.out.printf("  %s vs %s: %s%n", ref.name, r.name,
          lines.isEmpty() ? "no per-test difference" : "DIFFERENCES:");
      lines.forEach(System.out::println);
    }
    for (Run r : runs) {
      if (r.configProblems.isEmpty()) continue;
      System.out.printf("  configuration methods not passed in %s (not compared):%n", r.name);
      r.configProblems.stream().limit(20).forEach(p -> System.out.println("    " + p));
      if (r.configProblems.size() > 20) System.out.println("    ... " + (r.configProblems.size() - 20) + " more");
    }
    System.exit(differences == 0 ? 0 : 1);
  }

  static Run read(Path dir) throws Exception {
    Path xml = dir.resolve("testng-results.xml");
    Path timeFile = dir.resolve("time");
    String time = "       -        -";
    if (Files.exists(timeFile)) {
      String[] t = Files.readString(timeFile).trim().split("\n");
      String[] w = t[t.length - 1].trim().split("\\s+");
      time = String.format("%8.1f %8.1f", Double.parseDouble(w[0]), Double.parseDouble(w[1]) + Double.parseDouble(w[2]));
    }
    Map<String, List<Result>> tests = new TreeMap<>();
    List<String> config = new ArrayList<>();
    int[] counts = new int[4];
    if (!Files.exists(xml)) {
      System.out.println("  (no " + xml + ")");
      return new Run(dir.getFileName().toString(), tests, config, counts, time);
    }
    var f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    Element root = f.newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
    NodeList classes = root.getElementsByTagName("class");
    for (int i = 0; i < classes.getLength(); i++) {
      Element c = (Element) classes.item(i);
      String cls = c.getAttribute("name");
      for (Element m : children(c, "test-method")) {
        String status = m.getAttribute("status");
        String name = cls + "." + m.getAttribute("name");
        if ("true".equals(m.getAttribute("is-config"))) {
          if (!status.equals("PASS")) config.add(status + " " + name + ": " + exception(m));
          continue;
        }
        String key = name + "(" + params(m) + ")";
        String instance = m.getAttribute("test-instance-name");
        if (!instance.isEmpty()) key += " [" + normalize(instance) + "]";
        tests.computeIfAbsent(key, k -> new ArrayList<>()).add(new Result(status, exception(m)));
        counts[0]++;
        counts[switch (status) { case "PASS" -> 1; case "FAIL" -> 2; default -> 3; }]++;
      }
    }
    return new Run(dir.getFileName().toString(), tests, config, counts, time);
  }

  static String params(Element m) {
    List<String> values = new ArrayList<>();
    for (Element ps : children(m, "params")) {
      for (Element p : children(ps, "param")) {
        values.add(normalize(p.getTextContent().trim()));
      }
    }
    return String.join(", ", values);
  }

  /** Takes out what differs between two JVMs for the same value: identity hash codes, lambda classes. */
  static String normalize(String s) {
    return s.replaceAll("\\$\\$Lambda\\$\\d+/0x[0-9a-f]+@[0-9a-f]+", "\\$\\$Lambda")
        .replaceAll("\\$\\$Lambda\\$\\d+/0x[0-9a-f]+", "\\$\\$Lambda")
        .replaceAll("@[0-9a-f]{4,8}\\b", "@…");
  }

  static String exception(Element m) {
    for (Element e : children(m, "exception")) {
      String msg = "";
      for (Element x : children(e, "message")) msg = x.getTextContent().trim();
      String first = msg.lines().findFirst().orElse("");
      if (first.length() > 200) first = first.substring(0, 200) + "…";
      String at = "";
      for (Element st : children(e, "full-stacktrace")) {
        at = st.getTextContent().lines().map(String::trim).filter(l -> l.startsWith("at ")).findFirst().orElse("");
      }
      return e.getAttribute("class") + (first.isEmpty() ? "" : ": " + first) + (at.isEmpty() ? "" : "  [" + at + "]");
    }
    return "(no exception)";
  }

  static Map<String, Integer> count(List<Result> rs) {
    Map<String, Integer> c = new LinkedHashMap<>(new TreeMap<>());
    for (Result r : rs) c.merge(r.status, 1, Integer::sum);
    return new TreeMap<>(c);
  }

  static String describe(Map<String, Integer> c) {
    if (c.isEmpty()) return "absent";
    StringBuilder s = new StringBuilder();
    c.forEach((k, v) -> s.append(s.length() == 0 ? "" : " ").append(k).append(v == 1 ? "" : "x" + v));
    return s.toString();
  }

  static List<Element> children(Element e, String tag) {
    List<Element> out = new ArrayList<>();
    for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element x && x.getTagName().equals(tag)) out.add(x);
    }
    return out;
  }
}
