package mproc.reporting.live;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import org.testng.annotations.Test;

public class ProgressLineTest {
  @Test
  public void theLineSaysDoneTotalPercentFailuresBusyWorkersAndEta() {
    assertEquals(ProgressLine.format(1234, 2000, 3, 1, 4, 12_000), "mproc  1,234/2,000  61%  3 failed  1 skipped  4 workers busy  eta 0:12");
    assertEquals(ProgressLine.format(5, 10, 0, 0, 1, -1), "mproc  5/10  50%  1 worker busy");
  }

  @Test
  public void clockRoundsUpAndShowsHoursFromAnHour() {
    assertEquals(ProgressLine.clock(0), "0:00");
    assertEquals(ProgressLine.clock(1), "0:01");
    assertEquals(ProgressLine.clock(61_000), "1:01");
    assertEquals(ProgressLine.clock(3_725_000), "1:02:05");
  }

  @Test
  public void etaFromMeasuredDurationsIsTheRestSpreadOverTheWorkersButNoLessThanItsLongestPart() {
    // 40 s of measured work left on 4 workers: 10 s, whatever the rate so far
    assertEquals(ProgressLine.etaMillis(100_000, 1_000, 10, 100, 40_000, 2_000, 4), 10_000);
    // one 30 s unit left among 40 s: it alone takes 30 s
    assertEquals(ProgressLine.etaMillis(100_000, 1_000, 10, 100, 40_000, 30_000, 4), 30_000);
  }

  @Test
  public void etaWithoutMeasuredDurationsComesFromTheRateSoFar() {
    // 25 of 100 done in 5 s since the first test started: 75 more take 15 s
    assertEquals(ProgressLine.etaMillis(6_000, 1_000, 25, 100, -1, 0, 4), 15_000);
    // nothing done yet: unknown
    assertEquals(ProgressLine.etaMillis(6_000, 1_000, 0, 100, -1, 0, 4), -1);
    // all done: nothing left
    assertEquals(ProgressLine.etaMillis(6_000, 1_000, 100, 100, 5_000, 5_000, 4), 0);
  }

  @Test
  public void aPlainLineAtEachTenthOrEvery30Seconds() {
    assertFalse(ProgressLine.plainLineDue(10_000, 0, 0, 9, 100));
    assertTrue(ProgressLine.plainLineDue(10_000, 0, 0, 10, 100));
    assertFalse(ProgressLine.plainLineDue(10_000, 0, 1, 19, 100));
    assertTrue(ProgressLine.plainLineDue(30_000, 0, 1, 19, 100));
    assertTrue(ProgressLine.plainLineDue(10_000, 0, 9, 100, 100));
  }
}
