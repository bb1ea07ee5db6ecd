package mproc.it.suite.layout;

import java.util.concurrent.atomic.AtomicInteger;
import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

/** Four invocations, the second of which fails: with skip-failed-invocation-counts, the last two never run. */
public class FailsOnItsSecond {
  private final AtomicInteger invocations = new AtomicInteger();

  @Test(invocationCount = 4)
  public void counted() {
    int n = invocations.incrementAndGet();
    RunLog.record("test counted " + n);
    if (n == 2) {
      throw new AssertionError("the second invocation fails");
    }
  }
}
