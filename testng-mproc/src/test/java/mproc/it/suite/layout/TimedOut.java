package mproc.it.suite.layout;

import org.testng.annotations.Test;

/** One test past its {@code <test time-out="...">}, one within it. */
public class TimedOut {
  @Test public void quick() {}
  @Test public void slow() throws InterruptedException { Thread.sleep(3_000); }
}
