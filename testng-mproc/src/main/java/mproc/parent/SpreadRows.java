package mproc.parent;

import java.util.BitSet;

/**
 * The rows of one data provider that several workers run at once (a unit that spreads its rows):
 * which rows have their result, and how many there are once a worker has gone through them all.
 * Every worker that takes part claims rows in order, so the claimed rows are always the first ones.
 */
final class SpreadRows {
  private final BitSet finished = new BitSet();
  private int rows = -1;

  /** A row has its result (a retried attempt is not one). */
  void finished(int row) {
    finished.set(row);
  }

  boolean isFinished(int row) {
    return finished.get(row);
  }

  /** A worker went through every row: there are {@code rows}. */
  void counted(int rows) {
    this.rows = rows;
  }

  /** Whether the rows are counted and each has its result. */
  boolean allFinished() {
    return rows >= 0 && finished.nextClearBit(0) >= rows;
  }
}
