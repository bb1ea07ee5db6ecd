package mproc.worker;

import java.util.Iterator;

/**
 * A lazy data provider's rows ({@code Iterator}), each announced before it is made. TestNG asks for
 * the next row between two tests, outside the data provider's own call, so without this a row that
 * never came looked like a worker stuck "outside a test", and the row it owed left no result.
 */
final class AnnouncedRows implements Iterator<Object[]> {
  private final Iterator<Object[]> rows;
  private final Runnable making;
  private final Runnable over;

  /**
   * @param making says a row is being made (before each {@code hasNext}: a row may be made there or in {@code next})
   * @param over says the rows have ended
   */
  AnnouncedRows(Iterator<Object[]> rows, Runnable making, Runnable over) {
    this.rows = rows;
    this.making = making;
    this.over = over;
  }

  @Override
  public boolean hasNext() {
    making.run();
    boolean more;
    try {
      more = rows.hasNext();
    } catch (RuntimeException | Error e) {
      over.run(); // TestNG reports the method failed: the step is over, and no row is owed
      throw e;
    }
    if (!more) {
      over.run();
    }
    return more;
  }

  @Override
  public Object[] next() {
    try {
      return rows.next();
    } catch (RuntimeException | Error e) {
      over.run();
      throw e;
    }
  }
}
