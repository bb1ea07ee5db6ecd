package sample.shop;

import java.util.LinkedHashMap;
import java.util.Map;

/** Lines of products and quantities, priced from a catalogue. */
public final class Cart {
  private final Catalogue catalogue;
  private final Map<String, Integer> lines = new LinkedHashMap<>();

  public Cart(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  public void add(String sku, int quantity) {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive: " + quantity);
    }
    catalogue.price(sku); // unknown products fail here, not at checkout
    lines.merge(sku, quantity, Integer::sum);
  }

  public void remove(String sku) {
    lines.remove(sku);
  }

  public int quantity(String sku) {
    return lines.getOrDefault(sku, 0);
  }

  public Money total() {
    Money total = Money.of("0", catalogue.currency());
    for (Map.Entry<String, Integer> line : lines.entrySet()) {
      total = total.plus(catalogue.price(line.getKey()).times(line.getValue()));
    }
    return total;
  }

  /** The total with {@code percent} off when it reaches {@code threshold}. */
  public Money totalWithVolumeDiscount(Money threshold, int percent) {
    Money total = total();
    return total.amount().compareTo(threshold.amount()) >= 0 ? total.discounted(percent) : total;
  }
}
