package sample.shop;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import mproc.SplitClass;
import org.testng.Reporter;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * Tests against a slow store: each call costs 100 ms, and connecting costs 300 ms once per class.
 * The biggest class of the suite: {@code @SplitClass} lets several workers share it, each connecting
 * once, as the connection is this JVM's own.
 */
@SplitClass
public class InventoryTest {
  private Inventory inventory;

  @BeforeClass
  public void connect() throws InterruptedException {
    Thread.sleep(300); // a connection pool warming up
    Reporter.log("connected in pid " + ProcessHandle.current().pid());
  }

  @BeforeMethod
  public void freshStock() {
    inventory = new Inventory(100);
    inventory.restock("apple", 10);
  }

  @Test
  public void restockAddsToWhatIsThere() {
    inventory.restock("apple", 5);
    assertEquals(inventory.available("apple"), 15);
  }

  @Test
  public void reservingTakesFromStock() {
    assertTrue(inventory.reserve("apple", 4));
    assertEquals(inventory.available("apple"), 6);
  }

  @Test
  public void reservingMoreThanThereIsTakesNothing() {
    assertFalse(inventory.reserve("apple", 11));
    assertEquals(inventory.available("apple"), 10);
  }

  @Test
  public void unknownProductsHaveNoStock() {
    assertEquals(inventory.available("durian"), 0);
  }

  @Test
  public void theLastUnitCanBeReserved() {
    assertTrue(inventory.reserve("apple", 10));
    assertFalse(inventory.reserve("apple", 1));
  }

  @Test(invocationCount = 3)
  public void repeatedSmallReservationsAddUp() {
    assertTrue(inventory.reserve("apple", 2));
    assertTrue(inventory.reserve("apple", 2));
    assertEquals(inventory.available("apple"), 6);
  }

  @Test
  public void reservationsOfDifferentProductsAreIndependent() {
    inventory.restock("pear", 3);
    assertTrue(inventory.reserve("pear", 3));
    assertEquals(inventory.available("apple"), 10);
  }

  @Test
  public void aBigRestockIsCountedExactly() {
    for (int i = 0; i < 5; i++) {
      inventory.restock("melon", 100);
    }
    assertEquals(inventory.available("melon"), 500);
  }
}
