package sample.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The day's sales, one line per sale, in a file every till shares. Tests that use the same ledger
 * file cannot run at the same time in two JVMs: they are kept together with {@code @Group("ledger")}.
 */
public final class Ledger {
  private final Path file;
  private final String currency;

  public Ledger(Path file, String currency) {
    this.file = file;
    this.currency = currency;
  }

  /** The ledger the tills of this machine share (in the temporary directory). */
  public static Ledger shared() {
    return new Ledger(Path.of(System.getProperty("java.io.tmpdir"), "sample-shop-ledger-" + System.getProperty("user.name") + ".txt"), "EUR");
  }

  public void clear() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void record(String sku, Money amount) {
    try {
      Files.writeString(file, sku + " " + amount.amount().toPlainString() + "\n", StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<String> lines() {
    try {
      return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Money total() {
    BigDecimal sum = BigDecimal.ZERO;
    for (String line : lines()) {
      sum = sum.add(new BigDecimal(line.substring(line.indexOf(' ') + 1)));
    }
    return new Money(sum, currency);
  }
}
