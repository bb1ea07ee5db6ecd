package mproc.worker;

import java.util.Iterator;

/**
 * A spread unit's data provider rows, as one worker runs them: each row is claimed as TestNG reaches
 * it, and a row another worker claimed first becomes null, which TestNG passes over while keeping
 * the next row's index. So every row runs once, in whichever worker reaches it first, with the
 * index, name and parameters it has sequentially. When the rows end, the worker has counted those
 * that run (not those TestNG's own filter passes over, which are claimed for nobody).
 */
final class ClaimedRows implements Iterator<Object[]> {
  private final Iterator<Object[]> rows;
  private final WorkBook book;
  private final KnownUnit unit;
  private int index;
  /** The rows TestNG's filter did not pass over: those the parent waits for. */
  private int runnable;
  /** TestNG may ask again after the end (its "more invocations" check): the end is claimed once. */
  private boolean ended;

  ClaimedRows(Iterator<Object[]> rows, WorkBook book, KnownUnit unit) {
    this.rows = rows;
    this.book = book;
    this.unit = unit;
  }

  @Override
  public boolean hasNext() {
    boolean more = rows.hasNext();
    if (!more && !ended) {
      ended = true;
      book.rowsEnded(unit, runnable);
    }
    return more;
  }

  @Override
  public Object[] next() {
    Object[] row = rows.next();
    int i = index++;
    if (row == null) { // a row TestNG's own filter (the provider's indices) passes over
      book.passOverRow(unit, i);
      return null;
    }
    runnable++;
    return book.tryClaimRow(unit, i) ? row : null;
  }
}
