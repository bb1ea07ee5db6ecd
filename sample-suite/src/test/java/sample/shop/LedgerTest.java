package sample.shop;

import static org.testng.Assert.assertEquals;

import mproc.Group;
import org.testng.annotations.AfterClass;
import org.testng.annotations.Test;

/**
 * A day at the till, in order, on the shared ledger file. {@code @Group("ledger")} keeps these tests
 * (and every other test of the group) in one worker, one after the other: in two JVMs at once they
 * would see each other's sales.
 */
@Group("ledger")
public class LedgerTest {
  private final Ledger ledger = Ledger.shared();

  @Test(priority = 1)
  public void theDayStartsWithAnEmptyLedger() {
    ledger.clear();
    assertEquals(ledger.lines().size(), 0);
  }

  @Test(priority = 2)
  public void eachSaleIsOneLine() throws InterruptedException {
    ledger.record("apple", Money.of("0.40", "EUR"));
    ledger.record("melon", Money.of("2.90", "EUR"));
    Thread.sleep(200); // the till prints a receipt
    assertEquals(ledger.lines().size(), 2);
  }

  @Test(priority = 3)
  public void theDayClosesWithTheTotalOfItsSales() {
    assertEquals(ledger.total(), Money.of("3.30", "EUR"));
  }

  /** The ledger file is the day's: no run leaves it behind in the temporary directory. */
  @AfterClass(alwaysRun = true)
  public void closeTheDay() {
    ledger.clear();
  }
}
