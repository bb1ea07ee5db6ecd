package sample.shop;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.expectThrows;

import org.testng.annotations.Test;

/**
 * Two bugs the shop has today, written as the tests that will pass once they are fixed. They are
 * the demo's expected failures.
 */
public class KnownBugsTest {

  @Test(groups = "known-bug", description = "removing a product that is not in the cart should be an error")
  public void removingAMissingLineIsAnError() {
    Cart cart = new Cart(new Catalogue("EUR").with("apple", "0.40"));
    expectThrows(IllegalArgumentException.class, () -> cart.remove("apple"));
  }

  @Test(groups = "known-bug", description = "a threshold in another currency should be rejected")
  public void aVolumeThresholdInAnotherCurrencyIsRejected() {
    Cart cart = new Cart(new Catalogue("EUR").with("apple", "0.40"));
    cart.add("apple", 100);
    assertEquals(cart.totalWithVolumeDiscount(Money.of("10", "USD"), 5), null, "expected an exception, got a total");
  }
}
