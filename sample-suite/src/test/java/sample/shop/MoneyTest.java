package sample.shop;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class MoneyTest {

  @DataProvider
  public Object[][] discounts() {
    return new Object[][] {
      {"100.00", 10, "90.00"},
      {"19.99", 15, "16.99"},
      {"0.05", 50, "0.02"},
      {"0.15", 50, "0.08"},
      {"250.00", 0, "250.00"},
      {"250.00", 100, "0.00"},
    };
  }

  @Test(dataProvider = "discounts")
  public void discountRoundsHalfEvenToTheCent(String amount, int percent, String expected) {
    assertEquals(Money.of(amount, "EUR").discounted(percent), Money.of(expected, "EUR"));
  }

  @Test
  public void amountsInTheSameCurrencyAdd() {
    assertEquals(Money.of("1.10", "EUR").plus(Money.of("2.20", "EUR")), Money.of("3.30", "EUR"));
  }

  @Test(expectedExceptions = IllegalArgumentException.class, expectedExceptionsMessageRegExp = "cannot add USD to EUR")
  public void amountsInDifferentCurrenciesDoNotAdd() {
    Money.of("1", "EUR").plus(Money.of("1", "USD"));
  }

  @Test(expectedExceptions = IllegalArgumentException.class)
  public void aDiscountAboveAHundredPercentIsRejected() {
    Money.of("1", "EUR").discounted(101);
  }

  @Test
  public void printsAmountAndCurrency() {
    assertEquals(Money.of("7.5", "GBP").toString(), "7.50 GBP");
  }
}
