package mproc.reporting.timeline;

import java.util.List;

/**
 * One bar of the timeline: a test invocation or a configuration method, as the parent reported it.
 *
 * @param host the result's host: {@code worker-N}, or {@code mproc} for what the parent reported without a worker
 * @param kind {@code test} or {@code config}
 * @param status {@code PASS}, {@code FAIL}, {@code SKIP} or {@code RETRY} (a skipped attempt that was retried)
 * @param annotation for a configuration method, which one ({@code @BeforeMethod}, ...); null for a test
 * @param error the throwable's text (skip reason, assertion, the lost worker's reason), shortened; null if none
 */
public record Segment(
    String host,
    String kind,
    String status,
    long start,
    long end,
    String className,
    String method,
    String annotation,
    List<String> parameters,
    String suite,
    String test,
    String error) {
  public static final String TEST = "test";
  public static final String CONFIG = "config";
}
