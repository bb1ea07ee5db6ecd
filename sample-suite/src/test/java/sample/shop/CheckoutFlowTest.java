package sample.shop;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.testng.IRetryAnalyzer;
import org.testng.ITestResult;
import org.testng.annotations.Test;

/**
 * A checkout in steps that must run in order, in one JVM: dependsOnMethods keeps them together
 * across workers. One step talks to a payment sandbox that fails its first call (retried).
 */
public class CheckoutFlowTest {
  private static final Catalogue CATALOGUE = new Catalogue("EUR").with("melon", "2.90");
  private static final AtomicInteger PAYMENT_CALLS = new AtomicInteger();
  private static Cart cart;
  private static Inventory inventory;

  @Test
  public void fillTheCart() {
    cart = new Cart(CATALOGUE);
    inventory = new Inventory(20);
    inventory.restock("melon", 5);
    cart.add("melon", 2);
    assertEquals(cart.total(), Money.of("5.80", "EUR"));
  }

  @Test(dependsOnMethods = "fillTheCart")
  public void reserveStock() {
    assertTrue(inventory.reserve("melon", cart.quantity("melon")));
  }

  @Test(dependsOnMethods = "reserveStock", retryAnalyzer = OneRetry.class)
  public void payWithTheSandbox() {
    if (PAYMENT_CALLS.incrementAndGet() == 1) {
      throw new IllegalStateException("payment sandbox timed out (it does, the first time)");
    }
  }

  @Test(dependsOnMethods = "payWithTheSandbox")
  public void stockIsGone() {
    assertEquals(inventory.available("melon"), 3);
  }

  /** Retries a failed test once. */
  public static class OneRetry implements IRetryAnalyzer {
    private int retries;

    @Override
    public boolean retry(ITestResult result) {
      return retries++ < 1;
    }
  }
}
