package mproc.it.suite.inherit;

import org.testng.annotations.Test;

/** A method TestNG runs as clones on a pool of its own threads. */
public class Pooled {
  @Test(invocationCount = 3, threadPoolSize = 2)
  public void pooled() throws InterruptedException {
    Thread.sleep(50);
  }
}
