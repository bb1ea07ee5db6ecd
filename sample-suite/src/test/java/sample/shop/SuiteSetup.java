package sample.shop;

import org.testng.annotations.AfterSuite;
import org.testng.annotations.BeforeSuite;

/**
 * Suite-level set-up. With workers it runs once in each worker JVM (a worker is a session), so
 * every JVM that runs tests has what it prepares.
 */
public class SuiteSetup {
  @BeforeSuite
  public void configureTheShop() {
    System.setProperty("shop.currency", "EUR");
  }

  @AfterSuite
  public void tidyUp() {
    System.clearProperty("shop.currency");
  }
}
