package mproc.it.suite.retry;

import static org.testng.Assert.fail;

import java.util.concurrent.atomic.AtomicInteger;
import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

/** A test that fails its first time in a JVM and passes when retried, one that always fails, and a plain pass. */
public class Flaky {
  private static final AtomicInteger FLAKY_RUNS = new AtomicInteger();

  @Test(retryAnalyzer = RetryOnce.class)
  public void passesWhenRetried() {
    RunLog.record("ran Flaky.passesWhenRetried");
    if (FLAKY_RUNS.getAndIncrement() == 0) {
      fail("the first time");
    }
  }

  @Test(retryAnalyzer = RetryOnce.class)
  public void failsEvenWhenRetried() {
    RunLog.record("ran Flaky.failsEvenWhenRetried");
    fail("every time");
  }

  @Test
  public void passes() {
    RunLog.record("ran Flaky.passes");
  }
}
