package mproc.reporting.live;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import mproc.planning.PlannedUnit;
import mproc.reporting.live.TestRecord.Outcome;
import org.testng.ITestListener;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;

/**
 * Hears, in the parent, each result the workers send (as TestNG's replay tells every test
 * listener) and keeps the user informed while a {@code <test>} is dispatched: on a terminal one
 * line rewritten in place at most {@link ProgressLine#REDRAW_MILLIS} apart, elsewhere a plain line
 * at each tenth of the tests or every {@link ProgressLine#PLAIN_EVERY_MILLIS}; each failure is
 * printed as it happens. Its records make the summary at the end.
 */
public final class LiveProgress implements ITestListener {
  private final boolean terminal;
  private final LiveConsole console;
  private final PrintStream out;
  private final LongSupplier clock;
  private final int cores;

  private final List<TestRecord> records = new ArrayList<>();
  private final Map<ITestNGMethod, Planned> planned = new IdentityHashMap<>();
  /** Methods of {@code <test>}s not planned yet, by {@code <test>} name: the total until they are. */
  private final Map<String, Integer> notYetPlanned = new HashMap<>();
  private final Map<String, Integer> inFlight = new HashMap<>();
  private int nextUnit;
  private int plannedUnits;
  private int failed;
  private int skipped;
  private long firstStartMillis;

  private boolean dispatching;
  private long lastPlainMillis;
  private int lastPlainTenth;
  private Thread ticker;

  /** A planned method: its unit, its expected time, how many results it has and how long they took. */
  private static final class Planned {
    final int unit;
    final long expectedMillis;
    final int invocations;
    final boolean dataDriven;
    int results;
    long observedMillis;

    Planned(int unit, long expectedMillis, int invocations, boolean dataDriven) {
      this.unit = unit;
      this.expectedMillis = expectedMillis;
      this.invocations = invocations;
      this.dataDriven = dataDriven;
    }

    boolean complete() {
      return !dataDriven && results >= invocations;
    }

    long remainingMillis() {
      return complete() ? 0 : Math.max(0, expectedMillis - observedMillis);
    }
  }

  /**
   * @param terminal a line rewritten in place on {@code console}; else plain lines to {@code out}
   * @param cores the run's workers ({@code mproc.cores}), for the ETA
   */
  public LiveProgress(boolean terminal, LiveConsole console, PrintStream out, LongSupplier clock, int cores) {
    this.terminal = terminal;
    this.console = console;
    this.out = out;
    this.clock = clock;
    this.cores = Math.max(1, cores);
  }

  /** A suite's tests, before they are planned: the progress line's total until each {@code <test>} is. */
  public synchronized void expect(Collection<ITestNGMethod> methods) {
    for (ITestNGMethod m : methods) {
      if (!planned.containsKey(m) && m.getXmlTest() != null) {
        notYetPlanned.merge(m.getXmlTest().getName(), Math.max(1, m.getInvocationCount()), Integer::sum);
      }
    }
  }

  /** One {@code <test>}'s plan: its units, with their expected time (from earlier runs). */
  public synchronized void plan(String testName, List<PlannedUnit> units) {
    notYetPlanned.remove(testName);
    for (PlannedUnit u : units) {
      int unit = nextUnit++;
      long each = u.methods().isEmpty() ? 0 : Math.max(0, u.expectedMillis()) / u.methods().size();
      for (ITestNGMethod m : u.methods()) {
        planned.putIfAbsent(m, new Planned(unit, each, Math.max(1, m.getInvocationCount()), m.isDataDriven()));
      }
    }
    plannedUnits += units.size();
  }

  /**
   * A {@code <test>}'s dispatch begins (the progress line shows) or ends (it goes, and so does the
   * thread that redraws it: a user's thread-leak detector checks at each {@code <test>}'s end).
   */
  public void dispatching(boolean now) {
    if (!now && !terminal) {
      tick(); // the line for the last results of the <test>, if due (its last tenth)
    }
    synchronized (this) {
      dispatching = now;
      if (now && ticker == null) {
        ticker = new Thread(this::tickEvery, "mproc-progress");
        ticker.setDaemon(true);
        ticker.start();
      }
    }
    if (!now) {
      stopTicker();
    }
  }

  /** Stops the ticker and removes the line. */
  public void close() {
    synchronized (this) {
      dispatching = false;
    }
    stopTicker();
  }

  private void stopTicker() {
    Thread t;
    synchronized (this) {
      t = ticker;
      ticker = null;
    }
    if (t != null) {
      t.interrupt();
      try {
        t.join(1_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (terminal) {
      console.clear();
    }
  }

  private void tickEvery() {
    while (true) {
      synchronized (this) {
        if (ticker != Thread.currentThread()) {
          return;
        }
      }
      tick();
      try {
        Thread.sleep(ProgressLine.REDRAW_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /** Draws the line (terminal) or prints one if due (plain); nothing outside a dispatch. */
  void tick() {
    String text;
    synchronized (this) {
      if (!dispatching) {
        return;
      }
      long now = clock.getAsLong();
      int done = records.size();
      int total = total();
      if (!terminal) {
        if (lastPlainMillis == 0) {
          lastPlainMillis = now; // the first line after a tenth or 30 s, not at once
        }
        if (!ProgressLine.plainLineDue(now, lastPlainMillis, lastPlainTenth, done, total)) {
          return;
        }
        lastPlainMillis = now;
        lastPlainTenth = ProgressLine.tenth(done, total);
      }
      text = line(now);
    }
    if (terminal) {
      console.status(text);
    } else {
      console.line(out, text);
    }
  }

  /** The progress line now. */
  synchronized String line(long now) {
    int done = records.size();
    int total = total();
    long remaining = 0;
    long longest = 0;
    boolean measured = false;
    Map<Integer, Long> byUnit = new HashMap<>();
    for (Planned p : planned.values()) {
      measured |= p.expectedMillis > 0;
      long r = p.remainingMillis();
      remaining += r;
      longest = Math.max(longest, byUnit.merge(p.unit, r, Long::sum));
    }
    int busy = (int) inFlight.values().stream().filter(n -> n > 0).count();
    int workers = Math.max(busy, Math.min(cores, Math.max(1, plannedUnits)));
    long eta = ProgressLine.etaMillis(now, firstStartMillis, done, total, measured ? remaining : -1, longest, workers);
    return ProgressLine.format(done, total, failed, skipped, busy, eta);
  }

  private int total() {
    int total = 0;
    for (Planned p : planned.values()) {
      total += p.dataDriven ? Math.max(1, p.results) : Math.max(p.invocations, p.results);
    }
    for (int n : notYetPlanned.values()) {
      total += n;
    }
    return Math.max(total, records.size());
  }

  /** Every result heard so far, in the order they ended. */
  public synchronized List<TestRecord> records() {
    return List.copyOf(records);
  }

  @Override
  public synchronized void onTestStart(ITestResult result) {
    inFlight.merge(host(result), 1, Integer::sum);
    if (firstStartMillis == 0 || result.getStartMillis() < firstStartMillis) {
      firstStartMillis = result.getStartMillis();
    }
  }

  @Override
  public void onTestSuccess(ITestResult result) {
    ended(result, Outcome.PASSED);
  }

  @Override
  public void onTestFailure(ITestResult result) {
    ended(result, Outcome.FAILED);
  }

  @Override
  public void onTestSkipped(ITestResult result) {
    ended(result, Outcome.SKIPPED);
  }

  @Override
  public void onTestFailedButWithinSuccessPercentage(ITestResult result) {
    ended(result, Outcome.PASSED);
  }

  private void ended(ITestResult result, Outcome outcome) {
    TestRecord record;
    synchronized (this) {
      String host = host(result);
      inFlight.computeIfPresent(host, (h, n) -> n > 1 ? n - 1 : null);
      Planned p = planned.get(result.getMethod());
      long end = Math.max(result.getEndMillis(), result.getStartMillis());
      record = new TestRecord(result.getMethod().getRealClass().getName(), name(result), host, outcome, result.getStartMillis(), end,
          outcome == Outcome.PASSED ? null : TestRecord.firstLine(result.getThrowable()), p == null ? -1 : p.unit);
      records.add(record);
      if (p != null) {
        p.results++;
        p.observedMillis += record.millis();
      }
      if (outcome == Outcome.FAILED) {
        failed++;
      } else if (outcome == Outcome.SKIPPED) {
        skipped++;
      }
    }
    if (outcome == Outcome.FAILED) {
      console.line(out, RunSummary.failureLine(record));
    }
  }

  private static String host(ITestResult result) {
    return result.getHost() == null ? "mproc" : result.getHost();
  }

  /** {@code SimpleClass.method}, and {@code [row]} for a row of a data provider. */
  static String name(ITestResult result) {
    ITestNGMethod m = result.getMethod();
    String name = m.getRealClass().getSimpleName() + "." + m.getMethodName();
    Object[] parameters = result.getParameters();
    return parameters != null && parameters.length > 0 ? name + "[" + result.getParameterIndex() + "]" : name;
  }
}
