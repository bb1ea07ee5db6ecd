package mproc.it.suite.faults;

import java.util.Iterator;
import java.util.NoSuchElementException;
import mproc.it.suite.RunLog;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** A lazy data provider: its first row comes at once, its second never (made between two tests). */
public class HangsInLazyRow {
  @DataProvider
  public Iterator<Object[]> rows() {
    return new Iterator<>() {
      private int next = 1;

      @Override
      public boolean hasNext() {
        return next <= 3;
      }

      @Override
      public Object[] next() {
        if (next > 3) {
          throw new NoSuchElementException();
        }
        if (next == 2) {
          try {
            Thread.sleep(600_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        }
        return new Object[] {next++};
      }
    };
  }

  @Test(dataProvider = "rows")
  public void row(int n) {
    RunLog.record("test row" + n);
  }
}
