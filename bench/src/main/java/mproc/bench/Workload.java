package mproc.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * A generated suite: test classes as Java source, and the sequential time it should take. Each test
 * method calls {@link Probe#started()} first, so the harness can tell when the first test ran.
 */
record Workload(String name, String description, List<GeneratedClass> classes) {

  /** One test class: its simple name (package {@code benchsuite}) and its source. */
  record GeneratedClass(String simpleName, String source) {}

  static final Map<String, Workload> ALL =
      Map.of(
          "sleep", sleeps("sleep", 10, 20, 50),
          "empty", empty("empty", 50, 40),
          "longest-last", longestLast());

  static Workload byName(String name) {
    Workload w = ALL.get(name);
    if (w == null) {
      throw new IllegalArgumentException("unknown workload '" + name + "'; known: " + String.join(", ", ALL.keySet()));
    }
    return w;
  }

  /** {@code classes x perClass} tests that each sleep {@code millis}. */
  static Workload sleeps(String name, int classes, int perClass, int millis) {
    return of(name, classes + " classes x " + perClass + " tests of " + millis + " ms sleep", classes, perClass,
        c -> "Thread.sleep(" + millis + ");");
  }

  /** {@code classes x perClass} tests that do nothing: the cost of dispatch and reporting alone. */
  static Workload empty(String name, int classes, int perClass) {
    return of(name, (classes * perClass) + " empty tests in " + classes + " classes", classes, perClass, c -> "");
  }

  /**
   * 40 tests of 100 ms in 4 classes, then one class with one 3 s test that TestNG reaches last: the
   * first run ends with that test alone; from measured durations the next run starts it first.
   */
  static Workload longestLast() {
    Workload w = of("longest-last", "40 x 100 ms, then one 3 s test reached last", 5, 10,
        c -> c < 4 ? "Thread.sleep(100);" : "");
    List<GeneratedClass> classes = new ArrayList<>(w.classes().subList(0, 4));
    classes.add(new GeneratedClass("Bench999Test",
        "package benchsuite;\n\nimport org.testng.annotations.Test;\n\npublic class Bench999Test {\n"
            + "  @Test public void slow() throws Exception {\n    mproc.bench.Probe.started();\n    Thread.sleep(3000);\n  }\n}\n"));
    return new Workload(w.name(), w.description(), classes);
  }

  /** A workload whose class {@code c}'s test bodies are {@code body.apply(c)}. */
  private static Workload of(String name, String description, int classes, int perClass, IntFunction<String> body) {
    List<GeneratedClass> generated = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      String simpleName = String.format("Bench%03dTest", c);
      StringBuilder src = new StringBuilder();
      src.append("package benchsuite;\n\n")
          .append("import org.testng.annotations.Test;\n\n")
          .append("public class ").append(simpleName).append(" {\n");
      for (int m = 0; m < perClass; m++) {
        src.append("  @Test public void test").append(String.format("%03d", m)).append("() throws Exception {\n")
            .append("    mproc.bench.Probe.started();\n")
            .append("    ").append(body.apply(c)).append("\n")
            .append("  }\n");
      }
      src.append("}\n");
      generated.add(new GeneratedClass(simpleName, src.toString()));
    }
    return new Workload(name, description, generated);
  }

  int testCount() {
    int n = 0;
    for (GeneratedClass c : classes) {
      n += c.source().split("@Test ", -1).length - 1;
    }
    return n;
  }
}
