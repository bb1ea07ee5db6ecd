package sample.shop;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** An amount in one currency, to the cent. */
public record Money(BigDecimal amount, String currency) implements Serializable {
  public Money {
    if (currency == null || currency.length() != 3) {
      throw new IllegalArgumentException("currency must be a 3-letter code: " + currency);
    }
    amount = amount.setScale(2, RoundingMode.HALF_EVEN);
  }

  public static Money of(String amount, String currency) {
    return new Money(new BigDecimal(amount), currency);
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money times(int quantity) {
    return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
  }

  /** This amount less {@code percent} per cent, rounded half-even to the cent. */
  public Money discounted(int percent) {
    if (percent < 0 || percent > 100) {
      throw new IllegalArgumentException("discount must be 0..100: " + percent);
    }
    BigDecimal factor = BigDecimal.valueOf(100 - percent).movePointLeft(2);
    return new Money(amount.multiply(factor), currency);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException("cannot add " + other.currency + " to " + currency);
    }
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency;
  }
}
