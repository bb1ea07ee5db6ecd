package mproc.worker;

import java.util.Iterator;

/**
 * A spread unit's data provider rows, as one worker runs them: each row is claimed as TestNG reaches
 * it, and a row another worker claimed first becomes null, which TestNG passes over while keeping
 * the next row's index. So every row runs once, in whichever worker reaches it first, with the
 * index, name and parameters it has sequentially. When the rows end, the worker has counted them.
 */
final class ClaimedRows implements Iterator<Object[]> {
  private final Iterator<Object[]> rows;
  private final WorkBook book;
  private final KnownUnit unit;
  private int index;

  ClaimedRows(Iterator<Object[]> rows, WorkBook book, KnownUnit unit) {
    this.rows = rows;
    this.book = book;
    this.unit = unit;
  }

  @Override
  public boolean hasNext() {
    boolean more = rows.hasNext();
    if (!more) {
      book.rowsEnded(unit, index);
    }
    return more;
  }

  @Override
  public Object[] next() {
    Object[] row = rows.next();
    int i = index++;
    // null: a row TestNG's own filter (the provider's indices) passes over
    return row != null && book.tryClaimRow(unit, i) ? row : null;
  }
}
