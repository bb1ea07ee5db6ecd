package mproc.reporting.live;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import mproc.reporting.WorkerLife;
import mproc.reporting.live.RunSummary.Figures;
import mproc.reporting.live.RunSummary.WorkerFigures;
import mproc.reporting.live.TestRecord.Outcome;
import org.testng.annotations.Test;

public class RunSummaryTest {
  private static TestRecord passed(String cls, String method, String host, long start, long end, int unit) {
    return new TestRecord("shop." + cls, cls + "." + method, host, Outcome.PASSED, start, end, null, unit);
  }

  /** Two workers from t=0, ready at 1 s and 1.5 s; ten 1 s tests, one unit each; they end at 11 s. */
  private static List<TestRecord> evenRun() {
    List<TestRecord> records = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      records.add(passed("A", "a" + i, "worker-1", 1_000 + i * 1_000, 2_000 + i * 1_000, i));
      records.add(passed("B", "b" + i, "worker-2", 1_500 + i * 1_000, 2_500 + i * 1_000, 5 + i));
    }
    return records;
  }

  private static final List<WorkerLife> TWO = List.of(new WorkerLife(1, 0, 1_000, 7_000, null), new WorkerLife(2, 0, 1_500, 7_000, null));

  @Test
  public void figuresOfEachWorker() {
    Figures f = RunSummary.figures(evenRun(), TWO);
    assertEquals(f.tests(), 10);
    assertEquals(f.wallMillis(), 6_500); // first worker started at 0, last result at 6.5 s
    assertEquals(f.testMillis(), 10_000);
    assertEquals(f.workers(), 2);
    WorkerFigures w1 = f.perWorker().get(0);
    assertEquals(w1.tests(), 5);
    assertEquals(w1.busyMillis(), 5_000);
    assertEquals(w1.startupMillis(), 1_000);
    assertEquals(w1.idleMillis(), 500); // ready at 1 s, busy 5 s, the run's last result at 6.5 s
    assertEquals(Math.round(w1.share() * 100), 77);
    WorkerFigures w2 = f.perWorker().get(1);
    assertEquals(w2.startupMillis(), 1_500);
    assertEquals(w2.idleMillis(), 0);
  }

  @Test
  public void thePerfectScheduleIsTheWorkOverTheWorkersUnlessOneUnitIsLonger() {
    Figures even = RunSummary.figures(evenRun(), TWO);
    assertEquals(even.boundMillis(), 5_000);
    assertEquals(even.speedUp(), 10_000 / 6_500.0, 1e-9);

    List<TestRecord> records = new ArrayList<>(evenRun());
    records.add(passed("C", "huge", "worker-2", 6_500, 26_500, 99));
    Figures pole = RunSummary.figures(records, TWO);
    assertEquals(pole.longestUnitMillis(), 20_000);
    assertEquals(pole.longestUnit(), "C.huge");
    assertEquals(pole.boundMillis(), 20_000); // more than the 30 s of tests / 2
    assertTrue(RunSummary.verdict(pole).startsWith("one test, C.huge, takes 75 % of the run: split it"), RunSummary.verdict(pole));

    List<TestRecord> even2 = new ArrayList<>(evenRun());
    even2.add(passed("C", "long", "worker-2", 6_500, 12_500, 98)); // 6 s of 16: splitting it would not end the run sooner
    assertTrue(!RunSummary.verdict(RunSummary.figures(even2, TWO)).contains("split"), RunSummary.verdict(RunSummary.figures(even2, TWO)));
  }

  @Test
  public void aUnitOfSeveralTestsIsNamedByItsClass() {
    List<TestRecord> records = new ArrayList<>(evenRun());
    records.add(passed("Db", "one", "worker-1", 7_000, 17_000, 50));
    records.add(passed("Db", "two", "worker-1", 17_000, 27_000, 50));
    Figures f = RunSummary.figures(records, TWO);
    assertEquals(f.longestUnit(), "Db");
    assertTrue(RunSummary.verdict(f).startsWith("the tests of Db, which run on one worker"), RunSummary.verdict(f));
  }

  @Test
  public void verdictWhenTheWorkersWereBusyOrIdle() {
    List<WorkerLife> two = List.of(new WorkerLife(1, 0, 100, 0, null), new WorkerLife(2, 0, 100, 0, null));
    List<TestRecord> busy = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      busy.add(passed("A", "a" + i, "worker-1", 100 + i * 1_000, 1_100 + i * 1_000, i));
      busy.add(passed("B", "b" + i, "worker-2", 100 + i * 1_000, 1_100 + i * 1_000, 10 + i));
    }
    assertEquals(RunSummary.verdict(RunSummary.figures(busy, two)),
        "the workers were busy 99 % of the run: more workers would help, if there are cores for them");

    List<TestRecord> idle = List.of(passed("A", "a", "worker-1", 2_000, 2_100, 0), passed("B", "b", "worker-2", 3_000, 3_100, 1),
        passed("A", "c", "worker-1", 3_900, 4_000, 2));
    String verdict = RunSummary.verdict(RunSummary.figures(idle, two));
    assertTrue(verdict.startsWith("the workers were busy 4 % of the run (start-up 0.10 s each): more workers would not help"), verdict);
    assertNull(RunSummary.verdict(RunSummary.figures(List.of(), two)));
  }

  @Test
  public void aReplacementWorkerDoesNotCountAsOneMoreAtOnce() {
    List<WorkerLife> lives = List.of(new WorkerLife(1, 0, 500, 3_000, "worker 1 (pid 7) exited with code 137"),
        new WorkerLife(2, 0, 500, 0, null), new WorkerLife(3, 3_000, 3_500, 0, null));
    assertEquals(RunSummary.mostAtOnce(lives, 10_000), 2);
  }

  @Test
  public void theBlockNamesFailuresAndSkipsWithTheirReasonAndTheSlowest() {
    List<TestRecord> records = new ArrayList<>(evenRun());
    records.add(new TestRecord("shop.Cart", "Cart.total[2]", "worker-1", Outcome.FAILED, 7_000, 7_310, "java.lang.AssertionError: expected [3] but found [2]", 20));
    records.add(new TestRecord("shop.Cart", "Cart.pay", "worker-2", Outcome.SKIPPED, 7_000, 7_000, "depends on not successfully finished methods", 21));
    List<String> lines = RunSummary.lines(records, TWO);
    String all = String.join("\n", lines);
    assertEquals(lines.get(0), "mproc: 12 tests on 2 workers in 7.31 s");
    assertTrue(all.contains("  failed (1):\n    Cart.total[2]  worker-1  java.lang.AssertionError: expected [3] but found [2]"), all);
    assertTrue(all.contains("  skipped (1):\n    Cart.pay  worker-2  depends on not successfully finished methods"), all);
    assertTrue(all.contains("  slowest tests:\n       1.00 s  A.a0  worker-1"), all);
    assertTrue(all.contains("       5.00 s  A (5 tests)"), all);
    assertTrue(all.contains("  worker-1        6     5.31 s     1.00 s     0.69 s   73 %"), all);
    assertTrue(all.contains("7.31 s of wall time for 10.31 s of tests: 1.4x; a perfect schedule on 2 workers would take 5.16 s (the tests' time / 2)"), all);
    assertEquals(RunSummary.failureLine(records.get(10)),
        "mproc: FAILED Cart.total[2]  worker-1  0.31 s  java.lang.AssertionError: expected [3] but found [2]");
  }

  @Test
  public void onlyTheFirstLineOfAThrowable() {
    assertEquals(TestRecord.firstLine(new AssertionError("expected\nbut")), "java.lang.AssertionError: expected");
    assertNull(TestRecord.firstLine(null));
  }
}
