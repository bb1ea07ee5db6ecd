package mproc.reporting.timeline;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.List;
import mproc.reporting.WorkerLife;
import org.testng.annotations.Test;

public class TimelineTest {
  private static Segment test(String host, String status, long start, long end, String method, String error) {
    return new Segment(host, Segment.TEST, status, start, end, "a.B", method, null, List.of(), "s", "t", error);
  }

  @Test
  public void everyWorkerHasALaneInTheOrderTheyStartedAndResultsWithoutOneGoToTheParentsLane() {
    Timeline t = new Timeline(List.of("s"),
        List.of(new WorkerLife(2, 1_100, 2_000, 9_000, null), new WorkerLife(1, 1_000, 1_900, 5_000, "worker 1 exited with code 7"),
            new WorkerLife(3, 5_010, 6_000, 9_100, null)),
        List.of(test("worker-1", "FAIL", 2_000, 5_000, "m1", "boom"), test("mproc", "SKIP", 9_000, 9_000, "m2", null),
            test("worker-3", "PASS", 6_100, 6_200, "m3", null)));
    assertEquals(t.lanes().stream().map(Timeline.Lane::name).toList(), List.of("worker-1", "worker-2", "worker-3", "parent"));
    assertEquals(t.lanes().get(0).lostBecause(), "worker 1 exited with code 7");
    assertEquals(t.start(), 1_000);
    assertEquals(t.end(), 9_100);
    assertEquals(t.segments().stream().map(Segment::method).toList(), List.of("m1", "m3", "m2"), "by start");
    assertEquals(t.laneOf(0), 0);
    assertEquals(t.laneOf(1), 2);
    assertEquals(t.laneOf(2), 3);
  }

  @Test
  public void theJsonEscapesWhatCouldEndTheScriptElementItIsEmbeddedIn() {
    Timeline t = new Timeline(List.of("s"), List.of(new WorkerLife(1, 1, 2, 3, null)),
        List.of(new Segment("worker-1", Segment.TEST, "FAIL", 2, 3, "a.B", "m", null, List.of("</script><b>", "\"q\"\n"), "s", "t",
            "java.lang.AssertionError: x < y & \\")));
    String json = t.json();
    assertFalse(json.contains("</script>"), json);
    assertFalse(json.contains("<b>"), json);
    assertTrue(json.contains("\"parameters\":[\"\\u003c/script\\u003e\\u003cb\\u003e\",\"\\\"q\\\"\\n\"]"), json);
    assertTrue(json.contains("\"error\":\"java.lang.AssertionError: x \\u003c y \\u0026 \\\\\""), json);
    assertTrue(json.startsWith("{\"format\":1,\"start\":1,\"end\":3,\"suites\":[\"s\"],"), json);
    String html = TimelineReport.html(json);
    assertTrue(html.contains(json), "the page embeds the same data");
    assertFalse(html.contains(TimelineReport.DATA_PLACEHOLDER));
  }

  @Test
  public void thePageNeedsNothingFromTheNetwork() {
    String html = TimelineReport.html("{}");
    for (String reference : List.of("<script src", "<link", "@import", "url(", "http://", "https://", "<img", "<iframe")) {
      assertFalse(html.contains(reference), "the page refers to something outside itself: " + reference);
    }
  }
}
