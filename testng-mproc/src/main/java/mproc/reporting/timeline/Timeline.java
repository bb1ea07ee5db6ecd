package mproc.reporting.timeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mproc.reporting.WorkerLife;

/**
 * What the report shows: one lane per worker JVM of the run (replacements included, in the order they
 * started), one for results the parent gave without a worker (host {@code mproc}: tests nobody was
 * left to run), and every segment on its host's lane. Times are the JVMs' wall-clock milliseconds.
 */
public final class Timeline {
  /** The format of {@code mproc-timeline.json}; raised when a field changes meaning. */
  static final int FORMAT = 1;

  /** One lane: a worker's life (0 where not known), or a host that is no worker (worker 0). */
  record Lane(String name, int worker, long started, long ready, long ended, String lostBecause) {}

  private final List<String> suites;
  private final List<Lane> lanes = new ArrayList<>();
  private final Map<String, Integer> laneOfHost = new LinkedHashMap<>();
  private final List<Segment> segments;
  private final int[] laneOfSegment;
  private final long start;
  private final long end;

  public Timeline(List<String> suites, List<WorkerLife> workers, List<Segment> segments) {
    this.suites = List.copyOf(suites);
    List<WorkerLife> byStart = new ArrayList<>(workers);
    byStart.sort(Comparator.comparingLong(WorkerLife::startedMillis).thenComparingInt(WorkerLife::id));
    for (WorkerLife w : byStart) {
      String name = w.name();
      laneOfHost.put(name, lanes.size());
      lanes.add(new Lane(name, w.id(), w.startedMillis(), w.readyMillis(), w.endedMillis(), w.lostBecause()));
    }
    this.segments = new ArrayList<>(segments);
    this.segments.sort(Comparator.comparingLong(Segment::start).thenComparingLong(Segment::end));
    this.laneOfSegment = new int[this.segments.size()];
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < this.segments.size(); i++) {
      Segment s = this.segments.get(i);
      String host = s.host() == null || s.host().isBlank() || s.host().equals("mproc") ? "parent" : s.host();
      laneOfSegment[i] = laneOfHost.computeIfAbsent(host, h -> {
        lanes.add(new Lane(h, 0, 0, 0, 0, null));
        return lanes.size() - 1;
      });
      first = Math.min(first, s.start());
      last = Math.max(last, Math.max(s.start(), s.end()));
    }
    for (Lane l : lanes) {
      for (long t : new long[] {l.started(), l.ready(), l.ended()}) {
        if (t > 0) {
          first = Math.min(first, t);
          last = Math.max(last, t);
        }
      }
    }
    this.start = first == Long.MAX_VALUE ? 0 : first;
    this.end = last == Long.MIN_VALUE ? 0 : last;
  }

  List<Lane> lanes() {
    return lanes;
  }

  List<Segment> segments() {
    return segments;
  }

  /** The lane (index in {@link #lanes}) of each segment of {@link #segments}. */
  int laneOf(int segment) {
    return laneOfSegment[segment];
  }

  long start() {
    return start;
  }

  long end() {
    return end;
  }

  /**
   * The JSON of {@code mproc-timeline.json}, which the HTML report embeds: {@code format}, {@code start}
   * and {@code end} (epoch ms), {@code suites}, {@code lanes} (name, worker id, started/ready/ended ms,
   * 0 if never, lostBecause) and {@code segments} (lane index, kind, status, start/end ms, class,
   * method, annotation, parameters, suite, test, error). One segment per line, for tools that grep.
   */
  public String json() {
    StringBuilder out = new StringBuilder(256 + segments.size() * 200);
    out.append('{');
    Json.key(out, "format").append(FORMAT).append(',');
    Json.key(out, "start").append(start).append(',');
    Json.key(out, "end").append(end).append(',');
    Json.key(out, "suites").append('[');
    for (int i = 0; i < suites.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Json.string(out, suites.get(i));
    }
    out.append("],\n");
    Json.key(out, "lanes").append("[\n");
    for (int i = 0; i < lanes.size(); i++) {
      Lane l = lanes.get(i);
      out.append('{');
      Json.key(out, "name");
      Json.string(out, l.name());
      out.append(',');
      Json.key(out, "worker").append(l.worker()).append(',');
      Json.key(out, "started").append(l.started()).append(',');
      Json.key(out, "ready").append(l.ready()).append(',');
      Json.key(out, "ended").append(l.ended()).append(',');
      Json.key(out, "lostBecause");
      Json.string(out, l.lostBecause());
      out.append(i + 1 < lanes.size() ? "},\n" : "}\n");
    }
    out.append("],\n");
    Json.key(out, "segments").append("[\n");
    for (int i = 0; i < segments.size(); i++) {
      Segment s = segments.get(i);
      out.append('{');
      Json.key(out, "lane").append(laneOfSegment[i]).append(',');
      Json.key(out, "kind");
      Json.string(out, s.kind());
      out.append(',');
      Json.key(out, "status");
      Json.string(out, s.status());
      out.append(',');
      Json.key(out, "start").append(s.start()).append(',');
      Json.key(out, "end").append(Math.max(s.start(), s.end())).append(',');
      Json.key(out, "class");
      Json.string(out, s.className());
      out.append(',');
      Json.key(out, "method");
      Json.string(out, s.method());
      if (s.annotation() != null) {
        out.append(',');
        Json.key(out, "annotation");
        Json.string(out, s.annotation());
      }
      if (s.parameters() != null && !s.parameters().isEmpty()) {
        out.append(',');
        Json.key(out, "parameters").append('[');
        for (int p = 0; p < s.parameters().size(); p++) {
          if (p > 0) {
            out.append(',');
          }
          Json.string(out, s.parameters().get(p));
        }
        out.append(']');
      }
      out.append(',');
      Json.key(out, "suite");
      Json.string(out, s.suite());
      out.append(',');
      Json.key(out, "test");
      Json.string(out, s.test());
      if (s.error() != null) {
        out.append(',');
        Json.key(out, "error");
        Json.string(out, s.error());
      }
      out.append(i + 1 < segments.size() ? "},\n" : "}\n");
    }
    out.append("]}\n");
    return out.toString();
  }
}
