package mproc.it.suite.spread;

import java.util.Iterator;
import java.util.stream.IntStream;
import mproc.it.suite.RunLog;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** Twelve rows made one at a time by an {@code Iterator}, each 250 ms. */
public class LazyTowns {
  @DataProvider
  public Iterator<Object[]> towns() {
    return IntStream.range(0, 12).mapToObj(i -> new Object[] {"town-" + i}).iterator();
  }

  @Test(dataProvider = "towns")
  public void stay(String town) throws InterruptedException {
    RunLog.record("test stay " + town);
    Thread.sleep(250);
  }
}
