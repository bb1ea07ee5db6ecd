package mproc.it.suite;

import java.util.Iterator;
import java.util.stream.IntStream;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** 150 rows that take next to nothing: a first run that a worker JVM cannot repay. */
public class TinyRows {
  @DataProvider public Iterator<Object[]> numbers() {
    return IntStream.range(0, 150).mapToObj(i -> new Object[] {i}).iterator();
  }

  @Test(dataProvider = "numbers")
  public void tiny(int n) {
    RunLog.record("test tiny " + n);
  }
}
