package sample.shop;

import static org.testng.Assert.assertEquals;

import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import mproc.GlobalFixtures;
import org.testng.annotations.Test;

/** Prices a cart with the price service, looking the fixture up by name. */
public class QuoteTest {
  @Test
  public void aCartIsQuotedFromTheServicesPrices() throws Exception {
    PriceServer prices = GlobalFixtures.get("priceServer", PriceServer.class);
    HttpClient http = HttpClient.newHttpClient();
    BigDecimal total = BigDecimal.ZERO;
    for (String sku : new String[] {"apple", "apple", "melon"}) {
      String body = http.send(HttpRequest.newBuilder(prices.uri().resolve("price/" + sku)).build(), HttpResponse.BodyHandlers.ofString()).body();
      total = total.add(new BigDecimal(body));
    }
    assertEquals(Money.of(total.toPlainString(), "EUR"), Money.of("3.70", "EUR"));
  }
}
