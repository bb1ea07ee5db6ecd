package mproc.it.suite.retry;

import static org.testng.Assert.fail;

import java.util.concurrent.atomic.AtomicInteger;
import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

/** Flaky as {@link Flaky}, its retry analyzer set by a suite listener (as Apache Pulsar's AnnotationListener does). */
public class RetriedByTransformer {
  private static final AtomicInteger RUNS = new AtomicInteger();

  @Test
  public void passesWhenRetried() {
    RunLog.record("ran RetriedByTransformer.passesWhenRetried");
    if (RUNS.getAndIncrement() == 0) {
      fail("the first time");
    }
  }
}
