package sample.shop;

import static org.testng.Assert.assertEquals;

import java.util.NoSuchElementException;
import mproc.Group;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class CartTest {
  private Cart cart;

  @BeforeMethod
  public void newCart() {
    Catalogue catalogue = new Catalogue("EUR").with("apple", "0.40").with("pear", "0.55").with("melon", "2.90");
    cart = new Cart(catalogue);
  }

  @Test
  public void anEmptyCartCostsNothing() {
    assertEquals(cart.total(), Money.of("0", "EUR"));
  }

  @Test
  public void linesAreSummed() {
    cart.add("apple", 3);
    cart.add("melon", 1);
    assertEquals(cart.total(), Money.of("4.10", "EUR"));
  }

  @Test
  public void addingTheSameProductTwiceMergesTheLine() {
    cart.add("pear", 2);
    cart.add("pear", 3);
    assertEquals(cart.quantity("pear"), 5);
  }

  @Test
  public void removedLinesAreNotCharged() {
    cart.add("apple", 2);
    cart.add("pear", 1);
    cart.remove("apple");
    assertEquals(cart.total(), Money.of("0.55", "EUR"));
  }

  @Test(expectedExceptions = NoSuchElementException.class)
  public void unknownProductsAreRejectedWhenAdded() {
    cart.add("durian", 1);
  }

  @Test(expectedExceptions = IllegalArgumentException.class)
  public void quantitiesMustBePositive() {
    cart.add("apple", 0);
  }

  @Test
  public void volumeDiscountAppliesFromTheThreshold() {
    cart.add("melon", 10);
    assertEquals(cart.totalWithVolumeDiscount(Money.of("29.00", "EUR"), 10), Money.of("26.10", "EUR"));
  }

  @Test
  public void volumeDiscountDoesNotApplyBelowTheThreshold() {
    cart.add("melon", 9);
    assertEquals(cart.totalWithVolumeDiscount(Money.of("29.00", "EUR"), 10), Money.of("26.10", "EUR"));
  }

  /** Reads the shared ledger, so it joins the ledger's group: no till may write while it looks. */
  @Group("ledger")
  @Test
  public void fillingACartRecordsNoSale() {
    Ledger ledger = Ledger.shared();
    int before = ledger.lines().size();
    cart.add("pear", 4);
    assertEquals(ledger.lines().size(), before);
  }
}
