package mproc.transport;

/**
 * The one-machine transport: Chronicle queues and a memory-mapped claim table in the run's private
 * directory. Each call opens a new instance (its own reader), as each JVM of the run does.
 */
public final class ChronicleTransport implements Transport {
  private final RunDirectory directory;

  public ChronicleTransport(RunDirectory directory) {
    this.directory = directory;
  }

  @Override
  public Channel openWork() {
    return ChronicleChannel.open(directory.workChannel());
  }

  @Override
  public Channel openFixtures() {
    return ChronicleChannel.open(directory.fixtureChannel());
  }

  @Override
  public Channel openResults(int workerId) {
    return ChronicleChannel.open(directory.resultChannel(workerId));
  }

  @Override
  public ClaimTable openClaims() {
    return MappedClaimTable.open(directory.claimFile());
  }
}
