package mproc.transport.redis;

import mproc.transport.Channel;
import mproc.transport.ClaimTable;
import mproc.transport.Transport;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The run's channels and claims in one Redis, under keys {@code mproc:NAME:...} that expire
 * {@code ttlSeconds} after their last write, so two runs with different names never see each other
 * and a run that died leaves nothing behind for long. Each channel and claim table is a connection
 * of its own (a Jedis connection is used by one thread at a time).
 */
public final class RedisTransport implements Transport {
  /** How long a run's keys outlive their last write, unless the run asks otherwise. */
  public static final long DEFAULT_TTL_SECONDS = 3_600;
  private final RedisAddress address;
  private final long ttlSeconds;
  private RedisCluster cluster;

  /**
   * The transport of the run this address names, checked: Redis answers. Called by testng-mproc by
   * name ({@code mproc.cluster}), so that it loads no Redis class otherwise.
   *
   * @throws IllegalArgumentException one line, if the address is wrong
   * @throws IllegalStateException one line, if Redis does not answer
   */
  public static RedisTransport open(String url) {
    RedisTransport transport = new RedisTransport(RedisAddress.parse(url), DEFAULT_TTL_SECONDS);
    transport.check();
    return transport;
  }

  public RedisTransport(RedisAddress address, long ttlSeconds) {
    this.address = address;
    this.ttlSeconds = ttlSeconds;
  }

  /**
   * Checks that Redis answers, before anything else of the run starts.
   *
   * @throws IllegalStateException with one line naming the address (never its password)
   */
  public void check() {
    try (Jedis redis = connect()) {
      redis.ping();
    } catch (JedisException e) {
      throw new IllegalStateException("mproc: cannot reach Redis at " + address + ": " + e.getMessage());
    }
  }

  @Override
  public Channel openWork() {
    return new RedisChannel(connect(), address, address.key("work"), ttlSeconds);
  }

  @Override
  public Channel openFixtures() {
    return new RedisChannel(connect(), address, address.key("fixtures"), ttlSeconds);
  }

  @Override
  public Channel openResults(int workerId) {
    return new RedisChannel(connect(), address, address.key("results:" + workerId), ttlSeconds);
  }

  @Override
  public ClaimTable openClaims() {
    return new RedisClaimTable(connect(), address, address.key("claims"), address.key("claimlog"), address.key("gate"), ttlSeconds);
  }

  /** One per transport: the hosts' shared state, on a connection of its own. */
  @Override
  public synchronized mproc.transport.Cluster cluster() {
    if (cluster == null) {
      cluster = new RedisCluster(address, connect(), ttlSeconds);
    }
    return cluster;
  }

  private Jedis connect() {
    return new Jedis(address.server());
  }
}
