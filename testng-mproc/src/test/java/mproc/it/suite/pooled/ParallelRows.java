package mproc.it.suite.pooled;

import java.util.Iterator;
import java.util.stream.IntStream;
import mproc.it.suite.RunLog;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * 200 rows of a parallel data provider, each next to nothing: TestNG runs them on a pool of its
 * threads, and each row is an invocation of its own. Each subclass is a unit of its own, so that
 * the parent and the worker each run some: in the parent each pool thread reads the worker's
 * results between its rows, while the worker sends them as fast as it can.
 */
public abstract class ParallelRows {
  @DataProvider(parallel = true)
  public Iterator<Object[]> rows() {
    return IntStream.range(0, 200).mapToObj(i -> new Object[] {i}).iterator();
  }

  @Test(dataProvider = "rows")
  public void row(int n) throws InterruptedException {
    RunLog.record("test row " + getClass().getSimpleName() + " " + n);
    RunLog.awaitJvms("test row ", 2, 30); // both JVMs at work at once
  }

  public static class A extends ParallelRows {}

  public static class B extends ParallelRows {}
}
