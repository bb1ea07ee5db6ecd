package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNotNull;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mproc.reporting.WorkerLife;
import mproc.reporting.timeline.Segment;
import mproc.reporting.timeline.Timeline;
import mproc.reporting.timeline.TimelineReport;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

/**
 * The timeline report of a real run (2 workers; tests that pass, fail, skip and take parameters, a
 * {@code @BeforeMethod}, and a worker that crashes and is replaced), rendered in a headless Chromium
 * and read through the DevTools protocol: the lanes, what hovering a bar shows (a mouse move, then
 * the tooltip's text), the colours drawn, the lost worker's mark. Without Chromium it fails.
 *
 * <p>{@code -Dmproc.screenshot=docs/timeline.png} also saves the page, a failed test hovered, as a PNG
 * (a relative path is taken from the project's top directory).
 */
public class TimelineReportTest {
  private static final String SUITE = ParentRun.suite("timeline", ParentRun.RECORDING_LISTENER, "mproc.it.suite.",
      "MixedB", "SlowA", "faults.CrashInGroup");

  private ParentRun run;
  private Chromium browser;
  private Throwable failedToOpen;

  /**
   * The run and the browser on its timeline, made by the first test that asks. Not in a
   * {@code @BeforeClass}: TestNG would skip the tests after its failure, and without Chromium each
   * test must fail.
   */
  private Chromium browser() throws Exception {
    if (failedToOpen != null) {
      throw new AssertionError("the timeline could not be opened: " + failedToOpen, failedToOpen);
    }
    if (browser == null) {
      try {
        Chromium.executable(); // no browser: fail at once, before the run
        run = ParentRun.run(SUITE, "-cores", "2");
        Path html = run.outputDir.resolve(TimelineReport.HTML_FILE);
        assertTrue(Files.exists(html), "the report is written: " + run.output);
        assertTrue(Files.exists(run.outputDir.resolve(TimelineReport.JSON_FILE)), run.output);
        browser = Chromium.open(html.toUri(), 1280, 720);
        browser.await("window.mprocTimeline && window.mprocTimeline.ready");
      } catch (Exception | AssertionError e) {
        failedToOpen = e;
        throw e;
      }
    }
    return browser;
  }

  @AfterClass(alwaysRun = true)
  public void closeTheBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> lanes() throws Exception {
    return (List<Map<String, Object>>) browser().evaluate("mprocTimeline.lanes");
  }

  /** Moves the mouse to what the page's {@code mprocTimeline.<call>} locates, and returns the tooltip's text. */
  private String hover(String locate) throws Exception {
    Map<?, ?> point = (Map<?, ?>) browser().evaluate("mprocTimeline." + locate);
    assertNotNull(point, "the page has no " + locate);
    browser().mouseMove((Double) point.get("x"), (Double) point.get("y"));
    browser().await("getComputedStyle(document.getElementById('tooltip')).display !== 'none'");
    return (String) browser().evaluate("document.getElementById('tooltip').textContent");
  }

  private List<Double> pixel(String locate, int dy) throws Exception {
    @SuppressWarnings("unchecked")
    List<Double> rgb = (List<Double>) browser().evaluate(
        "(function (p) { return mprocTimeline.pixelAt(p.x, p.y + (" + dy + ")); })(mprocTimeline." + locate + ")");
    return rgb;
  }

  @Test(priority = 1)
  public void oneLanePerWorkerTheReplacementIncludedAndTheCrashedOneMarkedLost() throws Exception {
    browser().evaluate("mprocTimeline.wholeRun()");
    List<Map<String, Object>> lanes = lanes();
    List<String> names = lanes.stream().map(l -> (String) l.get("name")).toList();
    assertTrue(names.size() >= 3 && names.stream().allMatch(n -> n.matches("worker-\\d+")), "two workers and a replacement: " + names);
    List<Map<String, Object>> lost = lanes.stream().filter(l -> l.get("lost") != null).toList();
    assertEquals(lost.size(), 1, "one worker crashed: " + lanes);
    String lostName = (String) lost.get(0).get("name");
    assertTrue(((String) lost.get(0).get("lost")).matches(
        "worker \\d+ \\(pid \\d+\\) exited with code 7 while running mproc\\.it\\.suite\\.faults\\.CrashInGroup\\.g2"), lanes.toString());
    double tests = lanes.stream().mapToDouble(l -> (Double) l.get("tests")).sum();
    assertEquals(tests, (double) run.reportedTests().size(), "every test of testng-results.xml has its bar: " + lanes);

    String mark = hover("lostMark('" + lostName + "')");
    assertTrue(mark.matches("(?s)" + lostName + " lost at \\+[0-9.]+ m?s:\nworker \\d+ \\(pid \\d+\\) exited with code 7 while running .*CrashInGroup\\.g2"),
        mark);
    String label = hover("laneLabel('" + names.get(0) + "')");
    assertTrue(label.startsWith(names.get(0) + ": started +"), label);
    assertTrue(hover("startup('" + names.get(0) + "')").startsWith(names.get(0) + " start-up: "), "the start-up segment");
  }

  @Test(priority = 2)
  public void theFailedTestIsRedMarkedAndItsTooltipSaysWhy() throws Exception {
    String tip = hover("focus('MixedB.fails', 'FAIL')");
    assertTrue(tip.startsWith("MixedB.fails\nFAILED in "), tip);
    assertTrue(tip.matches("(?s).*\nworker-\\d+ · \\+[0-9.]+ (ms|s) → \\+[0-9.]+ (ms|s)\nmproc\\.it\\.suite\\.MixedB · <test> timeline\n.*"), tip);
    assertTrue(tip.contains("java.lang.AssertionError: one is not two"), tip);
    List<Double> bar = pixel("focus('MixedB.fails', 'FAIL')", 0);
    assertTrue(bar.get(0) > 180 && bar.get(1) < 90 && bar.get(2) < 90, "the bar is red: " + bar);
    List<Double> mark = pixel("focus('MixedB.fails', 'FAIL')", -13); // the mark above failed bars, 2 px below the lane's top
    assertTrue(mark.get(0) > 140 && mark.get(1) < 40 && mark.get(2) < 40, "the failure's mark: " + mark);
    String listed = (String) browser().evaluate("document.getElementById('problems').textContent");
    assertTrue(listed.contains("MixedB.fails — worker-"), listed);
    assertTrue(listed.contains("exited with code 7"), "the lost worker is listed: " + listed);
    String summary = (String) browser().evaluate("document.getElementById('summary').textContent");
    List<String> reported = run.reportedTests();
    String counts = reported.size() + " tests: " + reported.stream().filter(r -> r.endsWith(" PASS")).count() + " passed, "
        + reported.stream().filter(r -> r.endsWith(" FAIL")).count() + " failed, "
        + reported.stream().filter(r -> r.endsWith(" SKIP")).count() + " skipped";
    assertEquals(counts, "23 tests: 19 passed, 3 failed, 1 skipped", "MixedB 13 (2 fail, 1 skips), SlowA 6, CrashInGroup 4 (g2 fails)");
    assertTrue(summary.matches("Suite timeline · [0-9.]+ s · \\d+ worker JVMs \\(1 lost\\) · " + counts), summary);
  }

  @Test(priority = 3)
  public void aPassedTestShowsItsParametersAndASkippedOneItsReason() throws Exception {
    String row = hover("focus('rowsArePassedWithTheirParameters(2, Opaque(two))')");
    assertTrue(row.startsWith("MixedB.rowsArePassedWithTheirParameters\nparameters: 2, Opaque(two)\nPASSED in "), row);
    List<Double> green = pixel("focus('rowsArePassedWithTheirParameters(2, Opaque(two))')", 0);
    assertTrue(green.get(1) > green.get(0) + 40 && green.get(1) > green.get(2) + 40, "green: " + green);
    String skip = hover("focus('MixedB.skips')");
    assertTrue(skip.startsWith("MixedB.skips\nSKIPPED in "), skip);
    assertTrue(skip.contains("not today"), skip);
    String slow = hover("focus('SlowA.a3')");
    assertTrue(slow.matches("(?s)SlowA\\.a3\nPASSED in (2\\d\\d ms|[0-9.]+ s)\n.*"), "a 250 ms test: " + slow);
  }

  /** Configuration methods are segments of their own: one @BeforeMethod for each of MixedB's 13 tests, and SlowA's @BeforeClass. */
  @Test(priority = 4)
  public void configurationMethodsAreSegments() throws Exception {
    Object beforeMethods = browser().evaluate(
        "mprocTimeline.data.segments.filter(s => s.kind === 'config' && s.annotation === '@BeforeMethod').length");
    assertEquals(beforeMethods, 13.0);
    assertNotNull(browser().evaluate("mprocTimeline.find('@BeforeClass SlowA.beforeClass')"));
  }

  /** Last: the screenshot for the README, when asked for, with the failed test hovered. */
  @Test(priority = 5)
  public void screenshot() throws Exception {
    browser().evaluate("mprocTimeline.wholeRun()");
    hover("find('MixedB.fails', 'FAIL')");
    byte[] png = browser().screenshot();
    assertTrue(png.length > 1000 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "a PNG");
    String wanted = System.getProperty("mproc.screenshot");
    if (wanted != null && !wanted.isBlank()) {
      Path target = topDirectory().resolve(wanted);
      Files.createDirectories(target.toAbsolutePath().getParent());
      Files.write(target, png);
      System.out.println("timeline screenshot: " + target.toAbsolutePath());
    }
  }

  /** The project's top directory (the one with .ci), for a relative screenshot path; else the working directory. */
  private static Path topDirectory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve(".ci"))) {
        return dir;
      }
    }
    return Path.of("").toAbsolutePath();
  }

  /** 20,000 tests on 8 workers: drawn on one canvas, few DOM nodes, and hovering still finds a test. */
  @Test(priority = 6)
  public void twentyThousandTestsStayOneCanvas() throws Exception {
    List<WorkerLife> workers = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    long t0 = 1_700_000_000_000L;
    for (int w = 1; w <= 8; w++) {
      workers.add(new WorkerLife(w, t0 + w * 50, t0 + 900 + w * 50, t0 + 60_000, null));
      long t = t0 + 1_000 + w * 50;
      for (int i = 0; i < 2_500; i++) {
        long d = 1 + (i * 7919L + w) % 37;
        String status = i % 97 == 0 ? "FAIL" : i % 89 == 0 ? "SKIP" : "PASS";
        segments.add(new Segment("worker-" + w, Segment.TEST, status, t, t + d, "big.Class" + (i % 50), "test" + i, null,
            List.of(String.valueOf(i)), "big", "big", status.equals("FAIL") ? "java.lang.AssertionError: number " + i : null));
        t += d + 1;
      }
    }
    Path dir = mproc.TempDirs.directory("mproc-timeline-big");
    TimelineReport.write(dir, new Timeline(List.of("big"), workers, segments));
    browser().navigate(dir.resolve(TimelineReport.HTML_FILE).toUri());
    browser().await("window.mprocTimeline && window.mprocTimeline.ready");
    assertEquals(browser().evaluate("mprocTimeline.data.segments.length"), 20_000.0);
    assertEquals(browser().evaluate("mprocTimeline.lanes.length"), 8.0);
    double nodes = (Double) browser().evaluate("document.getElementsByTagName('*').length");
    assertTrue(nodes < 400, "not one DOM node per bar (at most 200 failures listed): " + nodes);
    String tip = hover("focus('Class3.test2403(2403)')");
    assertTrue(tip.startsWith("Class3.test2403\nparameters: 2403\n"), tip);
    double millis = (Double) browser().evaluate("mprocTimeline.drawMillis");
    System.out.println("20,000 tests drawn in " + millis + " ms");
    assertTrue(millis < 10_000, "drawn in " + millis + " ms (a generous bound: the machine is shared)");
  }

  /** Only runs with workers get a timeline. */
  @Test(priority = 7)
  public void aRunWithoutWorkersWritesNone() throws Exception {
    ParentRun inProcess = ParentRun.run(ParentRun.suite("plain", "", "mproc.it.suite.", "SlowA"), "-disable-mproc");
    assertTrue(Files.exists(inProcess.outputDir.resolve("testng-results.xml")), inProcess.output);
    assertFalse(Files.exists(inProcess.outputDir.resolve(TimelineReport.HTML_FILE)), inProcess.output);
    assertFalse(Files.exists(inProcess.outputDir.resolve(TimelineReport.JSON_FILE)), inProcess.output);
  }
}
