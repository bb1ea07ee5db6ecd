package sample.shop;

import static org.testng.Assert.assertEquals;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import mproc.Global;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Asks the one price server of the run (a global fixture), from whichever worker runs the test. */
public class PriceServiceTest {
  @Global("priceServer") PriceServer prices;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(prices.uri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @DataProvider
  public Object[][] products() {
    return new Object[][] {{"apple", "0.40"}, {"pear", "0.55"}, {"melon", "2.90"}};
  }

  @Test(dataProvider = "products")
  public void theServiceQuotesTheCataloguePrice(String sku, String price) throws Exception {
    HttpResponse<String> response = get("price/" + sku);
    assertEquals(response.statusCode(), 200);
    assertEquals(response.body(), price);
  }

  @Test
  public void anUnknownProductIsNotFound() throws Exception {
    assertEquals(get("price/durian").statusCode(), 404);
  }
}
