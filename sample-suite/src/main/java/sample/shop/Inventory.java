package sample.shop;

import java.util.HashMap;
import java.util.Map;

/**
 * Stock levels behind a slow store (a stand-in for a database: every call costs {@code latencyMs}),
 * with reservations that can be released.
 */
public final class Inventory {
  private final Map<String, Integer> stock = new HashMap<>();
  private final long latencyMs;

  public Inventory(long latencyMs) {
    this.latencyMs = latencyMs;
  }

  public synchronized void restock(String sku, int quantity) {
    pause();
    stock.merge(sku, quantity, Integer::sum);
  }

  public synchronized int available(String sku) {
    pause();
    return stock.getOrDefault(sku, 0);
  }

  /** Takes {@code quantity} out of stock, or nothing at all if there is not enough. */
  public synchronized boolean reserve(String sku, int quantity) {
    pause();
    int have = stock.getOrDefault(sku, 0);
    if (have < quantity) {
      return false;
    }
    stock.put(sku, have - quantity);
    return true;
  }

  private void pause() {
    try {
      Thread.sleep(latencyMs);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
