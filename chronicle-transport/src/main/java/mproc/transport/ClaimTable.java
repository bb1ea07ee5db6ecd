package mproc.transport;

/**
 * Exactly-once claims of a run's units, and the gate that tells worker JVMs whether they may claim
 * yet. {@link MappedClaimTable} is the one-machine implementation.
 */
public interface ClaimTable extends AutoCloseable {
  /** Units a run can hold. */
  int CAPACITY = (1 << 20) - 1;
  /** The gate's states: workers wait while it is undecided (0), claim once it is open, never claim once it is shut. */
  long GATE_OPEN = 1;
  long GATE_SHUT = 2;

  /**
   * Claims {@code unit} for {@code owner} (a positive id).
   *
   * @return true if this call claimed it; false if it was already claimed, by anyone
   */
  boolean claim(int unit, long owner);

  /** The id that claimed {@code unit}, or 0 if it is still free. */
  long owner(int unit);

  /**
   * The owner of {@code unit} as this table last saw it, for a worker's choice of what to claim
   * next, which a claim then settles: exact when not 0 (a claim is never undone), while 0 may be a
   * moment out of date. {@link #owner} by default; a table whose every look is a network round trip
   * answers from what it has seen, so that going over a plan's free units is not a round trip each.
   */
  default long ownerSeen(int unit) {
    return owner(unit);
  }

  /**
   * Claims row {@code row} of the data provider of {@code unit} (a unit whose rows are spread over
   * workers) for {@code owner}, exactly once, as {@link #claim} does a unit. Rows are claimed in
   * order by whoever reaches them first, so the claimed rows of a unit are always the first ones.
   *
   * @param row the row's index, or {@link #ROWS_END}: the rows have ended (every row is claimed)
   * @return true if this call claimed it
   */
  boolean claimRow(int unit, int row, long owner);

  /** The id that claimed this row of {@code unit}, or 0 if it is still free. */
  long rowOwner(int unit, int row);

  /** The row past the last: claimed by whoever finds that the rows have ended. */
  int ROWS_END = Integer.MAX_VALUE;

  /**
   * The owner of a row TestNG's own filter passes over (a data provider's {@code indices}, a re-run's
   * {@code invocationNumbers}): every worker sees the same filter, so whoever reaches it first claims
   * it for nobody, and the claimed rows stay the first ones.
   */
  long PASSED_OVER = Long.MAX_VALUE - 1;

  /**
   * Decides the gate once: open (worker JVMs may claim) or shut (they never will). The parent
   * decides; its own sessions claim regardless.
   *
   * @return true if this call decided it; false if it was decided already
   */
  boolean decideGate(long state);

  /** 0 while undecided, else {@link #GATE_OPEN} or {@link #GATE_SHUT}. */
  long gate();

  @Override
  void close();

  /** What every implementation checks before a claim: a unit of the table, a positive owner. */
  static void checkClaim(int unit, long owner) {
    if (owner <= 0) {
      throw new IllegalArgumentException("owner must be positive: " + owner);
    }
    if (unit < 0 || unit >= CAPACITY) {
      throw new IllegalArgumentException("unit " + unit + " is outside the claim table (0.." + (CAPACITY - 1) + ")");
    }
  }

  /** What every implementation checks before a row's claim. */
  static void checkRowClaim(int unit, int row, long owner) {
    checkClaim(unit, owner);
    if (row < 0) {
      throw new IllegalArgumentException("a row index is not negative: " + row);
    }
  }

  /** What every implementation checks before deciding the gate. */
  static void checkGateState(long state) {
    if (state != GATE_OPEN && state != GATE_SHUT) {
      throw new IllegalArgumentException("a gate is open or shut: " + state);
    }
  }
}
