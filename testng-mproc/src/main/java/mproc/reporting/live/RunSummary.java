package mproc.reporting.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import mproc.reporting.WorkerLife;
import mproc.reporting.live.TestRecord.Outcome;

/**
 * The block printed after TestNG's summary: failed and skipped tests with their reasons, the
 * slowest tests and classes, each worker's share, and the run's wall time against its test time and
 * against what a perfect schedule would take. Pure: it reads recorded results and worker lives.
 */
public final class RunSummary {
  /** At most this many failed (and as many skipped) tests are named; TestNG's reports have them all. */
  static final int NAMED = 20;
  static final int SLOWEST = 10;

  /** One worker's figures: its tests, busy (their time), start-up (started → ready), idle, busy / wall. */
  public record WorkerFigures(int id, int tests, long busyMillis, long startupMillis, long idleMillis, double share, String lostBecause) {}

  /**
   * The run's figures. {@code wallMillis}: from the first worker's start to the last result;
   * {@code workers}: the most workers alive at once; {@code boundMillis}: a perfect schedule's time,
   * max(longest unit, test time / workers).
   */
  public record Figures(
      int tests, long wallMillis, long testMillis, int workers, long longestUnitMillis, String longestUnit,
      boolean longestUnitIsOneTest, long boundMillis, List<WorkerFigures> perWorker) {
    /** Test time over wall time: how many tests ran at once, on average. */
    public double speedUp() {
      return wallMillis <= 0 ? 0 : (double) testMillis / wallMillis;
    }
  }

  private RunSummary() {}

  public static Figures figures(List<TestRecord> records, List<WorkerLife> lives) {
    long first = Long.MAX_VALUE;
    long last = 0;
    long testMillis = 0;
    for (WorkerLife life : lives) {
      first = Math.min(first, life.startedMillis());
    }
    for (TestRecord r : records) {
      first = Math.min(first, r.startMillis());
      last = Math.max(last, r.endMillis());
      testMillis += r.millis();
    }
    long wall = records.isEmpty() ? 0 : Math.max(0, last - first);
    int workers = Math.max(1, mostAtOnce(lives, last));

    Map<Integer, List<TestRecord>> byUnit = new LinkedHashMap<>();
    for (TestRecord r : records) {
      byUnit.computeIfAbsent(r.unit() >= 0 ? r.unit() : -1 - byUnit.size(), u -> new ArrayList<>()).add(r);
    }
    long longest = 0;
    List<TestRecord> longestUnit = List.of();
    for (List<TestRecord> unit : byUnit.values()) {
      long millis = unit.stream().mapToLong(TestRecord::millis).sum();
      if (millis > longest) {
        longest = millis;
        longestUnit = unit;
      }
    }
    boolean oneTest = longestUnit.stream().map(r -> withoutRow(r.name())).distinct().count() == 1;
    String unitName = longestUnit.isEmpty() ? null
        : oneTest ? withoutRow(longestUnit.get(0).name()) : simpleName(longestUnit.get(0).className());
    long bound = Math.max(longest, testMillis / workers);

    List<WorkerFigures> perWorker = new ArrayList<>();
    for (WorkerLife life : lives) {
      String host = life.name();
      int tests = 0;
      long busy = 0;
      for (TestRecord r : records) {
        if (r.host().equals(host)) {
          tests++;
          busy += r.millis();
        }
      }
      long startup = life.readyMillis() > 0 ? life.readyMillis() - life.startedMillis() : 0;
      long from = life.readyMillis() > 0 ? life.readyMillis() : life.startedMillis();
      long to = life.endedMillis() > 0 ? Math.min(life.endedMillis(), last) : last;
      long idle = life.readyMillis() > 0 ? Math.max(0, to - from - busy) : 0;
      perWorker.add(new WorkerFigures(life.id(), tests, busy, startup, idle, wall <= 0 ? 0 : (double) busy / wall, life.lostBecause()));
    }
    return new Figures(records.size(), wall, testMillis, workers, longest, unitName, oneTest, bound, perWorker);
  }

  /** The most worker lives that overlapped at any moment up to {@code end} (a replacement counts once its predecessor ended). */
  static int mostAtOnce(List<WorkerLife> lives, long end) {
    TreeMap<Long, Integer> changes = new TreeMap<>();
    for (WorkerLife life : lives) {
      long ended = life.endedMillis() > 0 ? life.endedMillis() : Long.MAX_VALUE;
      if (life.startedMillis() <= end || end == 0) {
        changes.merge(life.startedMillis(), 1, Integer::sum);
        changes.merge(ended, -1, Integer::sum);
      }
    }
    int now = 0;
    int most = 0;
    for (int change : changes.values()) { // an end and a start at the same millisecond: counted together
      now += change;
      most = Math.max(most, now);
    }
    return most;
  }

  /** The summary's lines. */
  public static List<String> lines(List<TestRecord> records, List<WorkerLife> lives) {
    Figures f = figures(records, lives);
    List<String> out = new ArrayList<>();
    out.add(String.format(Locale.ROOT, "mproc: %,d tests on %d worker%s in %s", f.tests(), f.perWorker().size(),
        f.perWorker().size() == 1 ? "" : "s", seconds(f.wallMillis())));
    named(out, "failed", records, Outcome.FAILED);
    named(out, "skipped", records, Outcome.SKIPPED);

    List<TestRecord> slowest = records.stream().sorted(Comparator.comparingLong(TestRecord::millis).reversed()).limit(SLOWEST).toList();
    if (!slowest.isEmpty()) {
      out.add("  slowest tests:");
      slowest.forEach(r -> out.add(String.format(Locale.ROOT, "    %9s  %s  %s", seconds(r.millis()), r.name(), r.host())));
    }
    Map<String, long[]> classes = new LinkedHashMap<>(); // millis, tests
    for (TestRecord r : records) {
      long[] c = classes.computeIfAbsent(r.className(), k -> new long[2]);
      c[0] += r.millis();
      c[1]++;
    }
    if (classes.size() > 1) {
      out.add("  slowest classes:");
      classes.entrySet().stream()
          .sorted(Comparator.comparingLong((Map.Entry<String, long[]> e) -> e.getValue()[0]).reversed())
          .limit(SLOWEST)
          .forEach(e -> out.add(String.format(Locale.ROOT, "    %9s  %s (%d test%s)", seconds(e.getValue()[0]), simpleName(e.getKey()),
              e.getValue()[1], e.getValue()[1] == 1 ? "" : "s")));
    }
    int width = Math.max(10, f.perWorker().stream().mapToInt(w -> WorkerLife.name(w.id()).length()).max().orElse(0)); // host-2-worker-1
    out.add("  " + String.format(Locale.ROOT, "%-" + width + "s", "worker") + "  tests       busy   start-up       idle  share of the wall time");
    for (WorkerFigures w : f.perWorker()) {
      out.add(String.format(Locale.ROOT, "  %-" + width + "s %6d %10s %10s %10s  %3d %%%s", WorkerLife.name(w.id()), w.tests(), seconds(w.busyMillis()),
          seconds(w.startupMillis()), seconds(w.idleMillis()), Math.round(w.share() * 100),
          w.lostBecause() == null ? "" : "  lost: " + w.lostBecause()));
    }
    out.add(String.format(Locale.ROOT, "  %s of wall time for %s of tests: %.1fx; a perfect schedule on %d worker%s would take %s (%s)",
        seconds(f.wallMillis()), seconds(f.testMillis()), f.speedUp(), f.workers(), f.workers() == 1 ? "" : "s",
        seconds(f.boundMillis()), f.boundMillis() == f.longestUnitMillis() && f.longestUnit() != null
            ? "its longest part, " + f.longestUnit() : "the tests' time / " + f.workers()));
    String verdict = verdict(f);
    if (verdict != null) {
      out.add("  " + verdict);
    }
    return out;
  }

  /** In plain words, what limits the run; null when there is too little to say. */
  public static String verdict(Figures f) {
    if (f.wallMillis() <= 0 || f.testMillis() <= 0) {
      return null;
    }
    int longestShare = (int) Math.round(100.0 * f.longestUnitMillis() / f.wallMillis());
    // Splitting helps when the longest part is well beyond an even share of the work, and a good part of the run.
    if (f.longestUnit() != null && f.longestUnitMillis() * f.workers() * 4 >= f.testMillis() * 5 && longestShare >= 25) {
      return f.longestUnitIsOneTest()
          ? String.format(Locale.ROOT, "one test, %s, takes %d %% of the run: split it; more workers would not help", f.longestUnit(), longestShare)
          : String.format(Locale.ROOT, "the tests of %s, which run on one worker (class configuration or @Group), take %d %% of the run:"
              + " split them; more workers would not help", f.longestUnit(), longestShare);
    }
    long busy = f.perWorker().stream().mapToLong(WorkerFigures::busyMillis).sum();
    long available = f.wallMillis() * Math.max(1, f.workers());
    int busyShare = (int) Math.round(100.0 * busy / available);
    if (busyShare >= 75) {
      return String.format(Locale.ROOT, "the workers were busy %d %% of the run: more workers would help, if there are cores for them", busyShare);
    }
    long startup = f.perWorker().stream().mapToLong(WorkerFigures::startupMillis).sum() / Math.max(1, f.perWorker().size());
    return String.format(Locale.ROOT, "the workers were busy %d %% of the run (start-up %s each): more workers would not help",
        busyShare, seconds(startup));
  }

  private static void named(List<String> out, String title, List<TestRecord> records, Outcome outcome) {
    List<TestRecord> these = records.stream().filter(r -> r.outcome() == outcome).toList();
    if (these.isEmpty()) {
      return;
    }
    out.add("  " + title + " (" + these.size() + "):");
    these.stream().limit(NAMED).forEach(r -> out.add("    " + r.name() + "  " + r.host() + "  " + (r.reason() == null ? "" : r.reason())));
    if (these.size() > NAMED) {
      out.add("    ... and " + (these.size() - NAMED) + " more (TestNG's reports name them all)");
    }
  }

  /** A failure as it happens, on one line: status, test, worker, duration, the exception's first line. */
  public static String failureLine(TestRecord r) {
    return "mproc: " + r.outcome() + " " + r.name() + "  " + r.host() + "  " + seconds(r.millis())
        + (r.reason() == null ? "" : "  " + r.reason());
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }

  static String simpleName(String className) {
    return className.substring(className.lastIndexOf('.') + 1);
  }

  private static String withoutRow(String name) {
    int bracket = name.indexOf('[');
    return bracket < 0 ? name : name.substring(0, bracket);
  }
}
