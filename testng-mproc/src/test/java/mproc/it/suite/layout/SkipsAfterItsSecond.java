package mproc.it.suite.layout;

import java.util.concurrent.atomic.AtomicInteger;
import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

/** As {@link FailsOnItsSecond}, the skipping asked for by the annotation. */
public class SkipsAfterItsSecond {
  private final AtomicInteger invocations = new AtomicInteger();

  @Test(invocationCount = 4, skipFailedInvocations = true)
  public void counted() {
    int n = invocations.incrementAndGet();
    RunLog.record("test counted " + n);
    if (n == 2) {
      throw new AssertionError("the second invocation fails");
    }
  }
}
