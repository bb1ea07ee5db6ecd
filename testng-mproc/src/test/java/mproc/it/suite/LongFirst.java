package mproc.it.suite;

import org.testng.annotations.Test;

/** A first test long enough for a worker JVM to become ready while the parent runs it. */
public class LongFirst {
  @Test
  public void waitsThreeSeconds() throws InterruptedException {
    RunLog.record("test waitsThreeSeconds");
    Thread.sleep(3_000);
  }
}
