package mproc.it.suite.cucumber;

import static org.testng.Assert.assertEquals;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import mproc.it.suite.RunLog;

public class BasketSteps {
  private int apples;

  @Given("a basket with {int} apples")
  public void aBasket(int apples) throws InterruptedException {
    this.apples = apples;
    Thread.sleep(1_500); // a runner takes 3 s: the second worker is up and takes the other runner
    RunLog.record("scenario " + apples);
  }

  @Then("it costs {int}")
  public void itCosts(int cost) {
    assertEquals(apples * 2, cost);
  }
}
