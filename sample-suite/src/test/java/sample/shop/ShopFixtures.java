package sample.shop;

import java.io.IOException;
import mproc.GlobalFixture;

/**
 * Global fixtures of the shop's suite (named in testng.xml's mproc.fixtures parameter): one price
 * server for the whole run, started in the parent the first time a test needs it, whatever the
 * number of workers, and stopped after the last test.
 */
public final class ShopFixtures {
  private ShopFixtures() {}

  @GlobalFixture
  public static PriceServer priceServer() throws IOException {
    System.out.println("starting the price server in pid " + ProcessHandle.current().pid());
    return PriceServer.start(new Catalogue("EUR").with("apple", "0.40").with("pear", "0.55").with("melon", "2.90"));
  }
}
