package mproc.parent;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiPredicate;

/**
 * The units of one {@code <test>} whose data-provider rows several workers run at once: which unit
 * shares which rows (a unit put back on the queue shares the lost one's), which rows have their
 * result, how many rows there are once a worker has gone through them all, and so when such a unit
 * is done.
 *
 * <p>Rows are replayed in their order, as a sequential run reports them: an event of a row comes
 * through once every earlier row has its result, and waits here until then. Listeners then see each
 * row's start and end in turn, with the method's invocation count TestNG has there (Surefire names a
 * test by it). Every worker claims rows in order, so an earlier row is always claimed already and its
 * result on its way; rows TestNG's own filter passes over are claimed for nobody and skipped.
 */
final class SpreadUnits {
  /** For each spread unit, the unit whose rows it shares (its own id, or a lost one's). */
  private final Map<Integer, Integer> rowsOf = new HashMap<>();
  private final Map<Integer, Rows> rows = new HashMap<>();
  /** Units whose worker went through every row: done once each row has its result. */
  private final Set<Integer> waiting = new HashSet<>();
  /** Whether this row of these shared rows is one TestNG's filter passes over (claimed for nobody). */
  private final BiPredicate<Integer, Integer> passedOver;

  /** The rows of one data provider across the workers. */
  private static final class Rows {
    /** Rows whose result is replayed. */
    final BitSet finished = new BitSet();
    /** Rows whose result came, replayed or waiting for an earlier row. */
    final BitSet resulted = new BitSet();
    /** Rows a worker said something of: run, so never passed over (no claim to look up). */
    final BitSet heard = new BitSet();
    /** The rows that run, once a worker went through them (-1 before). */
    int counted = -1;
    /** The next row to replay; events of later rows wait, by row. */
    int next;
    final TreeMap<Integer, List<Event>> held = new TreeMap<>();
    /** Flushed: the rows before the waiting ones will not come, so nothing waits any more. */
    boolean unordered;
  }

  /** A start or an end to replay; {@code last}: the row's result (not a retried attempt). */
  private record Event(boolean last, Runnable replay) {}

  SpreadUnits(BiPredicate<Integer, Integer> passedOver) {
    this.passedOver = passedOver;
  }

  /** A planned unit that spreads its rows. */
  void add(int unitId) {
    rowsOf.put(unitId, unitId);
    rows.put(unitId, new Rows());
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

  /** Whether this row's result came (it may wait for an earlier row's to be replayed). */
  boolean hasResult(int rowsOf, int row) {
    return rows.get(rowsOf).resulted.get(row);
  }

  /**
   * Replays an event of a row now if every earlier row has its result, else once they have;
   * {@code last}: the event is the row's result. Returns the units that are done now.
   */
  Set<Integer> inOrder(int shared, int row, boolean last, Runnable replay) {
    Rows r = rows.get(shared);
    r.heard.set(row);
    if (last) {
      r.resulted.set(row);
    }
    skipPassedOver(shared, r, row);
    if (row != r.next && !r.unordered) {
      r.held.computeIfAbsent(row, k -> new ArrayList<>()).add(new Event(last, replay));
      return Set.of();
    }
    replay.run();
    if (last && r.unordered) {
      r.finished.set(row);
    } else if (last) {
      finished(shared, r, row);
    }
    return done(shared);
  }

  /**
   * Replays every event still waiting, in row order, and from now on each as it comes: the rows
   * before them will not come (an interrupted run, a holder lost or without rows).
   */
  void flush(int shared) {
    Rows r = rows.get(shared);
    r.unordered = true;
    while (!r.held.isEmpty()) {
      Map.Entry<Integer, List<Event>> e = r.held.pollFirstEntry();
      r.next = e.getKey();
      e.getValue().forEach(ev -> ev.replay().run());
      if (e.getValue().stream().anyMatch(Event::last)) {
        r.finished.set(e.getKey());
      }
    }
  }

  private void finished(int shared, Rows r, int row) {
    r.finished.set(row);
    r.next = row + 1;
    while (true) { // the rows that waited for this one
      if (!r.held.isEmpty()) {
        skipPassedOver(shared, r, r.held.firstKey());
      }
      List<Event> waited = r.held.get(r.next);
      if (waited == null) {
        return;
      }
      r.held.remove(r.next);
      boolean last = false;
      for (Event e : waited) {
        e.replay().run();
        last |= e.last();
      }
      if (!last) {
        return; // its result is still to come
      }
      r.finished.set(r.next);
      r.next++;
    }
  }

  /** Moves past the rows before {@code row} that TestNG's filter passes over (claimed for nobody, so never reported). */
  private void skipPassedOver(int shared, Rows r, int row) {
    // The claim is looked up (a Redis round trip in a cluster) only for a row no worker spoke of yet.
    while (r.next < row && !r.finished.get(r.next) && !r.heard.get(r.next) && passedOver.test(shared, r.next)) {
      r.next++;
    }
  }

  /** A worker went through every row of this unit: {@code rows} of them run; returns the units that are done now. */
  Set<Integer> counted(int unitId, int rows) {
    this.rows.get(rowsOf(unitId)).counted = rows;
    waiting.add(unitId);
    return done(rowsOf(unitId));
  }

  private Set<Integer> done(int shared) {
    Rows r = rows.get(shared);
    if (r.counted < 0 || r.finished.cardinality() < r.counted) {
      return Set.of();
    }
    Set<Integer> done = new HashSet<>();
    waiting.removeIf(u -> rowsOf(u) == shared && done.add(u));
    return done;
  }
}
