package mproc.parent;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/** The order in which spread rows' starts and ends are replayed, and when such a unit is done. */
public class SpreadUnitsTest {
  private final List<String> replayed = new ArrayList<>();

  @BeforeMethod
  public void nothingReplayedYet() {
    replayed.clear(); // TestNG runs every test on one instance
  }

  private Runnable say(String what) {
    return () -> replayed.add(what);
  }

  @Test
  public void aLaterRowWaitsUntilEveryEarlierRowHasItsResult() {
    SpreadUnits spread = new SpreadUnits((rowsOf, row) -> false);
    spread.add(7);
    spread.inOrder(7, 0, false, say("start 0"));
    spread.inOrder(7, 1, false, say("start 1")); // another worker's row, while row 0 runs
    spread.inOrder(7, 1, true, say("end 1"));
    assertEquals(replayed, List.of("start 0"));
    assertTrue(spread.hasResult(7, 1), "row 1's result came, though it waits");
    spread.inOrder(7, 0, false, say("retry 0")); // a retried attempt is not the row's result
    spread.inOrder(7, 0, true, say("end 0"));
    assertEquals(replayed, List.of("start 0", "retry 0", "end 0", "start 1", "end 1"));
  }

  @Test
  public void theUnitIsDoneWhenItsRowsAreCountedAndEachHasItsResult() {
    SpreadUnits spread = new SpreadUnits((rowsOf, row) -> false);
    spread.add(7);
    spread.inOrder(7, 0, true, say("end 0"));
    assertEquals(spread.counted(7, 2), Set.of(), "row 1 to come");
    assertEquals(spread.inOrder(7, 1, true, say("end 1")), Set.of(7));
  }

  @Test
  public void rowsTestNGsFilterPassesOverAreSkipped() {
    SpreadUnits spread = new SpreadUnits((rowsOf, row) -> row == 0 || row == 2); // indices = {1, 3}
    spread.add(7);
    spread.inOrder(7, 3, true, say("end 3"));
    assertEquals(replayed, List.of(), "row 1 runs, and comes first");
    spread.inOrder(7, 1, true, say("end 1"));
    assertEquals(replayed, List.of("end 1", "end 3"));
    assertEquals(spread.counted(7, 2), Set.of(7), "two rows run");
  }

  @Test
  public void aRequeuedUnitSharesTheRowsAndAFlushEndsTheWaiting() {
    SpreadUnits spread = new SpreadUnits((rowsOf, row) -> false);
    spread.add(7);
    spread.requeued(9, 7);
    assertEquals(spread.rowsOf(9), 7);
    spread.inOrder(7, 2, true, say("end 2"));
    spread.flush(7);
    assertEquals(replayed, List.of("end 2"), "rows 0 and 1 will not come");
    spread.inOrder(7, 4, true, say("end 4"));
    assertEquals(replayed, List.of("end 2", "end 4"), "nothing waits after a flush");
    assertFalse(spread.hasResult(7, 3));
  }
}
