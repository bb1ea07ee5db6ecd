package mproc.it.suite;

import org.testng.annotations.Factory;
import org.testng.annotations.Test;

/** Three instances from a @Factory: each instance's test runs once, somewhere. */
public class Made {
  private final String flavour;

  public Made(String flavour) {
    this.flavour = flavour;
  }

  @Factory
  public static Object[] instances() {
    return new Object[] {new Made("apple"), new Made("pear"), new Made("melon")};
  }

  @Override
  public String toString() {
    return flavour; // TestNG's report names each instance by it
  }

  @Test
  public void tasted() throws InterruptedException {
    RunLog.record("test made " + flavour);
    Thread.sleep(200);
    if (flavour.equals("pear")) {
      throw new AssertionError("pears are not ripe");
    }
  }
}
