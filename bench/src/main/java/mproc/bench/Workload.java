package mproc.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A generated suite: test classes as Java source. Each test method calls {@link Probe#started()}
 * first, so the harness can tell when the first test ran.
 */
record Workload(String name, String description, List<GeneratedClass> classes, Map<String, String> resources) {

  Workload(String name, String description, List<GeneratedClass> classes) {
    this(name, description, classes, Map.of());
  }

  /** One test class: its simple name (package {@code benchsuite}) and its source. */
  record GeneratedClass(String simpleName, String source) {}

  /** What one generated class holds: its tests' body, and optionally a setup and a {@code @Group}. */
  record ClassSpec(int tests, String body, String beforeClass, String group) {
    static ClassSpec of(int tests, String body) {
      return new ClassSpec(tests, body, null, null);
    }
  }

  static final Map<String, Workload> ALL = all();

  private static Map<String, Workload> all() {
    Map<String, Workload> all = new LinkedHashMap<>();
    all.put("sleep", uniform("sleep", "10 classes x 20 tests of 50 ms sleep", 10, ClassSpec.of(20, sleep(50))));
    all.put("empty", uniform("empty", "2000 empty tests in 50 classes", 50, ClassSpec.of(40, "")));
    all.put("dispatch", dispatch());
    all.put("skewed", skewed());
    all.put("beforeclass", uniform("beforeclass", "8 classes x 10 tests of 50 ms, @BeforeClass of 500 ms each", 8,
        new ClassSpec(10, sleep(50), sleep(500), null)));
    all.put("groups", groups());
    all.put("cpu", uniform("cpu", "8 classes x 5 tests of about 1 s of hashing", 8, ClassSpec.of(5, "mproc.bench.Cpu.burn(Cpu.ONE_SECOND);")));
    all.put("longest-last", longestLast());
    all.put("cucumber", cucumber());
    return all;
  }

  static Workload byName(String name) {
    Workload w = ALL.get(name);
    if (w == null) {
      throw new IllegalArgumentException("unknown workload '" + name + "'; known: " + String.join(", ", ALL.keySet()));
    }
    return w;
  }

  private static String sleep(int millis) {
    return "Thread.sleep(" + millis + ");";
  }

  private static Workload uniform(String name, String description, int classes, ClassSpec spec) {
    List<ClassSpec> specs = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      specs.add(spec);
    }
    return of(name, description, specs);
  }

  /**
   * The per-test cost through a worker: 2,000 empty tests and one of 2 s, so that the suite is worth a
   * worker once measured (all empty, it would run in the parent). With {@code mproc1} the median gap
   * between results is what one warm worker adds per test: claim, run, result back.
   */
  private static Workload dispatch() {
    List<ClassSpec> specs = new ArrayList<>();
    for (int c = 0; c < 50; c++) {
      specs.add(ClassSpec.of(40, ""));
    }
    specs.add(ClassSpec.of(1, sleep(2000)));
    return of("dispatch", "2000 empty tests in 50 classes, one of 2 s", specs);
  }

  /** One class holds three quarters of the time, over 30 methods: class granularity cannot balance it. */
  private static Workload skewed() {
    List<ClassSpec> specs = new ArrayList<>();
    specs.add(ClassSpec.of(30, sleep(300))); // 9 s
    for (int c = 0; c < 3; c++) {
      specs.add(ClassSpec.of(10, sleep(100))); // 3 x 1 s
    }
    return of("skewed", "one class of 30 x 300 ms, three of 10 x 100 ms (sleeps)", specs);
  }

  /** Two @Group classes (serial in one worker under mproc), six independent ones. */
  private static Workload groups() {
    List<ClassSpec> specs = new ArrayList<>();
    specs.add(new ClassSpec(10, sleep(100), null, "db"));
    specs.add(new ClassSpec(10, sleep(100), null, "db"));
    for (int c = 0; c < 6; c++) {
      specs.add(ClassSpec.of(10, sleep(50)));
    }
    return of("groups", "2 classes of 10 x 100 ms in one @Group, 6 of 10 x 50 ms", specs);
  }

  /**
   * 40 tests of 100 ms in 4 classes, then one class with one 3 s test that TestNG reaches last: the
   * first run ends with that test alone; from measured durations the next run starts it first.
   */
  private static Workload longestLast() {
    List<ClassSpec> specs = new ArrayList<>();
    for (int c = 0; c < 4; c++) {
      specs.add(ClassSpec.of(10, sleep(100)));
    }
    specs.add(ClassSpec.of(1, sleep(3000)));
    return of("longest-last", "40 x 100 ms, then one 3 s test reached last", specs);
  }

  /**
   * Cucumber on TestNG: one runner class whose one test method runs every scenario as a row of its
   * data provider. 12 scenarios, each about 0.1 s of hashing and 0.25 s waiting on a "service", so
   * that neither the processors nor the waits alone decide it.
   */
  private static Workload cucumber() {
    StringBuilder feature = new StringBuilder("Feature: Shop\n");
    for (int i = 1; i <= 12; i++) {
      feature.append("\n  Scenario: Order ").append(i).append("\n")
          .append("    Given a basket of ").append(i).append(" items\n")
          .append("    When the customer pays\n")
          .append("    Then the receipt lists ").append(i).append(" items\n");
    }
    String steps = """
        package benchsuite;

        import io.cucumber.java.en.Given;
        import io.cucumber.java.en.Then;
        import io.cucumber.java.en.When;

        public class ShopSteps {
          private int items;

          @Given("a basket of {int} items")
          public void basket(int n) throws Exception {
            mproc.bench.Probe.started();
            items = n;
            mproc.bench.Cpu.burn(mproc.bench.Cpu.ONE_SECOND / 10);
          }

          @When("the customer pays")
          public void pays() throws Exception {
            Thread.sleep(250);
          }

          @Then("the receipt lists {int} items")
          public void receipt(int n) {
            if (n != items) {
              throw new AssertionError(n + " != " + items);
            }
          }
        }
        """;
    String runner = """
        package benchsuite;

        import io.cucumber.testng.AbstractTestNGCucumberTests;
        import io.cucumber.testng.CucumberOptions;

        @CucumberOptions(features = "classpath:benchsuite/shop.feature", glue = "benchsuite")
        public class ShopFeatureTest extends AbstractTestNGCucumberTests {}
        """;
    return new Workload("cucumber", "Cucumber: 12 scenarios of 0.1 s hashing and 0.25 s waiting, one runner",
        List.of(new GeneratedClass("ShopFeatureTest", runner), new GeneratedClass("ShopSteps", steps)),
        Map.of("benchsuite/shop.feature", feature.toString()));
  }

  private static Workload of(String name, String description, List<ClassSpec> specs) {
    List<GeneratedClass> generated = new ArrayList<>();
    for (int c = 0; c < specs.size(); c++) {
      ClassSpec spec = specs.get(c);
      String simpleName = String.format("Bench%03dTest", c);
      StringBuilder src = new StringBuilder();
      src.append("package benchsuite;\n\n")
          .append("import mproc.bench.Cpu;\n")
          .append("import org.testng.annotations.BeforeClass;\n")
          .append("import org.testng.annotations.Test;\n\n");
      if (spec.group() != null) {
        src.append("@mproc.Group(\"").append(spec.group()).append("\")\n");
      }
      src.append("public class ").append(simpleName).append(" {\n");
      if (spec.beforeClass() != null) {
        src.append("  @BeforeClass public void setUp() throws Exception { ").append(spec.beforeClass()).append(" }\n");
      }
      for (int m = 0; m < spec.tests(); m++) {
        src.append("  @Test public void test").append(String.format("%03d", m)).append("() throws Exception {\n")
            .append("    mproc.bench.Probe.started();\n")
            .append("    ").append(spec.body()).append("\n")
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
    for (String resource : resources.values()) {
      n += resource.split("Scenario:", -1).length - 1; // a Cucumber scenario is a row of the runner's one test
    }
    return n;
  }
}
