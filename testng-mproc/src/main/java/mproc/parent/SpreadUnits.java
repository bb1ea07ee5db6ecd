package mproc.parent;

import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The units of one {@code <test>} whose data-provider rows several workers run at once: which unit
 * shares which rows (a unit put back on the queue shares the lost one's), which rows have their
 * result, how many rows there are once a worker has gone through them all, and so when such a unit
 * is done. Every worker that takes part claims rows in order, so the claimed rows are always the
 * first ones.
 */
final class SpreadUnits {
  /** For each spread unit, the unit whose rows it shares (its own id, or a lost one's). */
  private final Map<Integer, Integer> rowsOf = new HashMap<>();
  /** The rows with a result, and their count once known (-1 before), by shared rows. */
  private final Map<Integer, BitSet> finished = new HashMap<>();
  private final Map<Integer, Integer> counted = new HashMap<>();
  /** Units whose worker went through every row: done once each row has its result. */
  private final Set<Integer> waiting = new HashSet<>();

  /** A planned unit that spreads its rows. */
  void add(int unitId) {
    rowsOf.put(unitId, unitId);
    finished.put(unitId, new BitSet());
  }

  /** A unit put back on the queue, sharing the rows of the lost {@code lostUnitId}. */
  void requeued(int unitId, int lostUnitId) {
    rowsOf.put(unitId, rowsOf(lostUnitId));
  }

  /** The unit whose row claims this unit shares, or -1 if it does not spread its rows. */
  int rowsOf(int unitId) {
    return rowsOf.getOrDefault(unitId, -1);
  }

  List<Integer> units() {
    return List.copyOf(rowsOf.keySet());
  }

  boolean isFinished(int rowsOf, int row) {
    return finished.get(rowsOf).get(row);
  }

  /** A row has its result (a retried attempt is not one); returns the units that are done now. */
  Set<Integer> finished(int rowsOf, int row) {
    finished.get(rowsOf).set(row);
    return done(rowsOf);
  }

  /** A worker went through every row of this unit: there are {@code rows}; returns the units that are done now. */
  Set<Integer> counted(int unitId, int rows) {
    counted.put(rowsOf(unitId), rows);
    waiting.add(unitId);
    return done(rowsOf(unitId));
  }

  private Set<Integer> done(int shared) {
    Integer rows = counted.get(shared);
    if (rows == null || finished.get(shared).nextClearBit(0) < rows) {
      return Set.of();
    }
    Set<Integer> done = new HashSet<>();
    waiting.removeIf(u -> rowsOf(u) == shared && done.add(u));
    return done;
  }
}
