package mproc.it;

/**
 * One suite run three ways: sequentially (plain TestNG's in-process run), in worker JVMs only, and
 * with the parent as one of the cores; the two distributed runs must report what the sequential one
 * reports. Tests take the distributed runs by name from {@link #WAYS}, as a data provider's rows.
 */
record ThreeWays(ParentRun sequential, ParentRun inWorkers, ParentRun withTheParent) {
  static final Object[][] WAYS = {{"in workers"}, {"with the parent"}};

  static ThreeWays run(String suite) throws Exception {
    return new ThreeWays(ParentRun.run(suite), ParentRun.run(suite, "-cores", "2", "-mproc.parentRuns", "false"),
        ParentRun.run(suite, "-cores", "2"));
  }

  /** The distributed run a row of {@link #WAYS} names. */
  ParentRun distributed(String way) {
    return switch (way) {
      case "in workers" -> inWorkers;
      case "with the parent" -> withTheParent;
      default -> throw new IllegalArgumentException(way);
    };
  }
}
