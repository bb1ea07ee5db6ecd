package mproc.transport.redis;

import mproc.transport.Channel;
import mproc.transport.Cluster;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.SetParams;

/**
 * The hosts' shared state in Redis: the leader is whoever set {@code mproc:NAME:leader} first
 * ({@code SET NX}, kept for the run's time to live, so a host that comes after the leader does not
 * start the run again); host numbers come from {@code INCR}; each host's beat is a key that expires
 * ({@code SET PX}); published values are plain keys. One connection, shared by the calling threads
 * (the run's thread and the heartbeat's) one at a time.
 */
final class RedisCluster implements Cluster, AutoCloseable {
  private final RedisAddress address;
  private final Jedis redis;
  private final long ttlSeconds;

  RedisCluster(RedisAddress address, Jedis redis, long ttlSeconds) {
    this.address = address;
    this.redis = redis;
    this.ttlSeconds = ttlSeconds;
  }

  @Override
  public synchronized boolean lead() {
    return "OK".equals(command(r -> r.set(address.key("leader"), "0", SetParams.setParams().nx().ex(ttlSeconds))));
  }

  @Override
  public synchronized int join() {
    String key = address.key("hosts");
    return command(r -> {
      long host = r.incr(key);
      r.expire(key, ttlSeconds);
      return Math.toIntExact(host);
    });
  }

  @Override
  public synchronized void beat(int host, long ttlMillis) {
    command(r -> r.set(address.key("alive:" + host), "1", SetParams.setParams().px(ttlMillis)));
  }

  @Override
  public synchronized boolean alive(int host) {
    return command(r -> r.exists(address.key("alive:" + host)));
  }

  @Override
  public synchronized void publish(String name, String value) {
    command(r -> r.set(address.key("value:" + name), value, SetParams.setParams().ex(ttlSeconds)));
  }

  @Override
  public synchronized String read(String name) {
    return command(r -> r.get(address.key("value:" + name)));
  }

  @Override
  public Channel openHosts() {
    return new RedisChannel(new Jedis(address.server()), address, address.key("hosts-channel"), ttlSeconds);
  }

  @Override
  public Channel openControl() {
    return new RedisChannel(new Jedis(address.server()), address, address.key("control"), ttlSeconds);
  }

  @Override
  public String describe() {
    return address.toString();
  }

  private <T> T command(java.util.function.Function<Jedis, T> command) {
    return address.call(redis, command);
  }

  @Override
  public synchronized void close() {
    redis.close();
  }
}
