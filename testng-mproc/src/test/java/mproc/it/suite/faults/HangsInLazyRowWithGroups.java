package mproc.it.suite.faults;

import java.util.Iterator;
import java.util.NoSuchElementException;
import mproc.it.suite.RunLog;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Like {@link HangsInLazyRow}, but its rows are made in {@code hasNext} and its method has groups, so
 * TestNG asks for the second row through the method's "more invocations" check, after the first test.
 */
public class HangsInLazyRowWithGroups {
  @DataProvider
  public Iterator<Object[]> rows() {
    return new Iterator<>() {
      private int made;
      private Object[] ready;

      @Override
      public boolean hasNext() {
        if (ready == null && made < 3) {
          made++;
          if (made == 2) {
            try {
              Thread.sleep(600_000);
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          ready = new Object[] {made};
        }
        return ready != null;
      }

      @Override
      public Object[] next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        Object[] row = ready;
        ready = null;
        return row;
      }
    };
  }

  @Test(dataProvider = "rows", groups = "lazy")
  public void row(int n) {
    RunLog.record("test row" + n);
  }
}
