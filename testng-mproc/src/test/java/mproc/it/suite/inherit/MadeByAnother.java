package mproc.it.suite.inherit;

import org.testng.annotations.Test;

/** Made only by {@link MakesOthers}: the third fails. */
public class MadeByAnother {
  private final int n;

  public MadeByAnother(int n) {
    this.n = n;
  }

  @Test
  public void isNotThree() throws InterruptedException {
    Thread.sleep(30); // long enough for a worker to take some of them
    if (n == 3) {
      throw new AssertionError("three");
    }
  }

  @Override
  public String toString() {
    return "MadeByAnother" + n;
  }
}
