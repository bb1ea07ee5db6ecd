package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.testng.annotations.Test;

/**
 * Cucumber's report plugins write one file from every JVM that runs a runner: with two runners in
 * two workers and one json path, both wrote it at once. Each worker writes its own and the parent
 * joins them into the path the user named.
 */
public class CucumberReportsTest {
  private static final String SUITE = ParentRun.suite("cucumber", "", "mproc.it.suite.cucumber.", "BasketFeature", "TillFeature");

  @Test
  public void twoRunnersInTwoWorkersLeaveOneWholeJsonReportWithEveryScenario() throws Exception {
    Path reports = mproc.TempDirs.directory("mproc-cucumber");
    Path json = reports.resolve("cucumber.json");
    Path rerun = reports.resolve("rerun.txt");
    ParentRun run = ParentRun.runWithJvmOptions(
        List.of("-Dcucumber.plugin=json:" + json + ",rerun:" + rerun + ",html:" + reports.resolve("cucumber.html"),
            "-Dcucumber.publish.quiet=true"),
        SUITE, "-cores", "2");
    assertEquals(run.exitCode, 0, run.output);
    assertEquals(run.pids("scenario ").size(), 2, "two workers ran scenarios: " + run.log);
    String text = Files.readString(json);
    assertTrue(balancedJsonArray(text), "one json array:\n" + text);
    for (String feature : List.of("\"name\": \"Basket\"", "\"name\": \"Till\"")) {
      // once, also when its scenarios ran in two workers
      assertEquals(count(text.replace("\"name\":\"", "\"name\": \""), feature), 1, feature + " in\n" + text);
    }
    for (String scenario : List.of("An empty basket costs nothing", "Apples cost 2 each", "A till opens empty", "A big basket")) {
      assertEquals(count(text, "\"name\":\"" + scenario + "\""), 1, scenario + " once in\n" + text);
    }
    assertTrue(Files.exists(rerun), "the rerun files are joined too");
    try (Stream<Path> files = Files.list(reports)) {
      List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
      assertTrue(names.stream().noneMatch(n -> n.startsWith("cucumber.mproc-worker-") && n.endsWith(".json")), "parts removed: " + names);
      assertTrue(names.stream().filter(n -> n.matches("cucumber\\.mproc-worker-\\d+-\\d+\\.html")).count() >= 2, "html stays per worker run: " + names);
    }
    assertTrue(run.output.contains("mproc: cucumber's html report is one file per worker: "), run.output);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }

  /** Starts with '[', ends with the ']' that closes it, brackets and braces balanced outside strings. */
  static boolean balancedJsonArray(String text) {
    String t = text.trim();
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '[' || c == '{') {
        depth++;
      } else if (c == ']' || c == '}') {
        depth--;
        if (depth == 0 && i != t.length() - 1) {
          return false;
        }
      }
    }
    return t.startsWith("[") && depth == 0 && !inString;
  }
}
