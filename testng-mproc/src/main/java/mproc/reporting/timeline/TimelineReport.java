package mproc.reporting.timeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import mproc.reporting.WorkerLife;
import org.testng.IResultMap;
import org.testng.ISuite;
import org.testng.ISuiteResult;
import org.testng.ITestContext;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;

/**
 * Writes {@code mproc-timeline.html} and {@code mproc-timeline.json} into TestNG's output directory
 * (the {@code -d} directory, Surefire's {@code target/surefire-reports}: the parent of
 * {@link ISuite#getOutputDirectory()}, where TestNG's own reporters write) from the results the
 * parent reported for the suites that ran on workers, and the workers' lives.
 */
public final class TimelineReport {
  public static final String HTML_FILE = "mproc-timeline.html";
  public static final String JSON_FILE = "mproc-timeline.json";
  /** Where the template puts the data (inside a {@code <script type="application/json">}). */
  static final String DATA_PLACEHOLDER = "@MPROC_TIMELINE_DATA@";
  private static final int MAX_ERROR_CHARS = 1500;
  private static final int MAX_ERROR_LINES = 16;
  private static final int MAX_PARAMETER_CHARS = 200;

  private TimelineReport() {}

  /**
   * Writes both files for these suites (those that ran on workers) into the first one's output
   * directory; a failure is one line on {@code err}: a report must not change the run's outcome.
   */
  public static void writeOrWarn(Collection<ISuite> suites, List<WorkerLife> workers, PrintStream err) {
    if (suites.isEmpty()) {
      return;
    }
    Path dir = null;
    try {
      dir = outputDirectory(suites.iterator().next());
      write(dir, collect(suites, workers));
    } catch (IOException | RuntimeException e) {
      err.println("mproc: could not write the timeline report " + (dir == null ? "" : "in " + dir + " ") + "(" + e + ")");
    }
  }

  /** TestNG's output directory ({@code -d}): each suite's own is a directory in it, named after the suite. */
  public static Path outputDirectory(ISuite suite) {
    return Path.of(suite.getOutputDirectory()).toAbsolutePath().getParent();
  }

  /** Writes {@link #JSON_FILE} and {@link #HTML_FILE} into {@code dir}. */
  public static void write(Path dir, Timeline timeline) throws IOException {
    Files.createDirectories(dir);
    String json = timeline.json();
    Files.writeString(dir.resolve(JSON_FILE), json, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(HTML_FILE), html(json), StandardCharsets.UTF_8);
  }

  /** The self-contained page: the template with the JSON in it. */
  static String html(String json) {
    String template = template();
    int at = template.indexOf(DATA_PLACEHOLDER);
    return template.substring(0, at) + json + template.substring(at + DATA_PLACEHOLDER.length());
  }

  private static String template() {
    try (InputStream in = TimelineReport.class.getResourceAsStream("timeline.html")) {
      if (in == null) {
        throw new IllegalStateException("timeline.html is missing from the testng-mproc jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every test and configuration result of these suites, on the hosts that reported them. */
  static Timeline collect(Collection<ISuite> suites, List<WorkerLife> workers) {
    List<String> names = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    for (ISuite suite : suites) {
      names.add(suite.getName());
      for (ISuiteResult r : suite.getResults().values()) {
        ITestContext c = r.getTestContext();
        for (IResultMap map : List.of(c.getPassedTests(), c.getFailedTests(), c.getSkippedTests(),
            c.getFailedButWithinSuccessPercentageTests(), c.getPassedConfigurations(), c.getFailedConfigurations(),
            c.getSkippedConfigurations())) {
          for (ITestResult result : map.getAllResults()) {
            segments.add(segment(result));
          }
        }
      }
    }
    return new Timeline(names, workers, segments);
  }

  static Segment segment(ITestResult r) {
    ITestNGMethod m = r.getMethod();
    boolean test = m.isTest();
    String status = switch (r.getStatus()) {
      case ITestResult.SUCCESS, ITestResult.SUCCESS_PERCENTAGE_FAILURE -> "PASS"; // as testng-results.xml says
      case ITestResult.FAILURE -> "FAIL";
      case ITestResult.SKIP -> r.wasRetried() ? "RETRY" : "SKIP";
      default -> "UNKNOWN";
    };
    List<String> parameters = new ArrayList<>();
    if (r.getParameters() != null) {
      for (Object p : r.getParameters()) {
        parameters.add(shorten(text(p), MAX_PARAMETER_CHARS, 1));
      }
    }
    long start = r.getStartMillis();
    long end = r.getEndMillis() < start ? start : r.getEndMillis();
    ITestContext context = r.getTestContext();
    return new Segment(
        r.getHost(),
        test ? Segment.TEST : Segment.CONFIG,
        status,
        start,
        end,
        m.getRealClass() != null ? m.getRealClass().getName() : m.getTestClass().getName(),
        m.getMethodName(),
        test ? null : annotation(m),
        parameters,
        context == null ? null : context.getSuite().getName(),
        context == null ? null : context.getName(),
        error(r.getThrowable()));
  }

  private static String annotation(ITestNGMethod m) {
    if (m.isBeforeSuiteConfiguration()) return "@BeforeSuite";
    if (m.isAfterSuiteConfiguration()) return "@AfterSuite";
    if (m.isBeforeTestConfiguration()) return "@BeforeTest";
    if (m.isAfterTestConfiguration()) return "@AfterTest";
    if (m.isBeforeGroupsConfiguration()) return "@BeforeGroups";
    if (m.isAfterGroupsConfiguration()) return "@AfterGroups";
    if (m.isBeforeClassConfiguration()) return "@BeforeClass";
    if (m.isAfterClassConfiguration()) return "@AfterClass";
    if (m.isBeforeMethodConfiguration()) return "@BeforeMethod";
    if (m.isAfterMethodConfiguration()) return "@AfterMethod";
    return "configuration";
  }

  private static String error(Throwable t) {
    if (t == null) {
      return null;
    }
    String text;
    try {
      // A lost worker's reason is the whole message; others as a stack trace's first line says them.
      text = t.getClass().getName().equals("mproc.parent.WorkerLostException") ? t.getMessage() : t.toString();
    } catch (RuntimeException e) {
      text = t.getClass().getName();
    }
    return shorten(text, MAX_ERROR_CHARS, MAX_ERROR_LINES);
  }

  private static String text(Object value) {
    try {
      if (value instanceof Object[] array) {
        return java.util.Arrays.deepToString(array);
      }
      return String.valueOf(value);
    } catch (RuntimeException e) {
      return value.getClass().getName() + " (toString() threw " + e.getClass().getSimpleName() + ")";
    }
  }

  private static String shorten(String text, int chars, int lines) {
    if (text == null) {
      return null;
    }
    String[] all = text.split("\n", -1);
    String kept = all.length > lines ? String.join("\n", java.util.Arrays.copyOf(all, lines)) + "\n…" : text;
    return kept.length() > chars ? kept.substring(0, chars) + "…" : kept;
  }
}
