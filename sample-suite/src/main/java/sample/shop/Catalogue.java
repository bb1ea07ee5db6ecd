package sample.shop;

import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/** Product prices in one currency. */
public final class Catalogue {
  private final String currency;
  private final Map<String, Money> prices = new ConcurrentHashMap<>();

  public Catalogue(String currency) {
    this.currency = currency;
  }

  public String currency() {
    return currency;
  }

  public Catalogue with(String sku, String price) {
    prices.put(sku, Money.of(price, currency));
    return this;
  }

  public Money price(String sku) {
    Money price = prices.get(sku);
    if (price == null) {
      throw new NoSuchElementException("no such product: " + sku);
    }
    return price;
  }
}
