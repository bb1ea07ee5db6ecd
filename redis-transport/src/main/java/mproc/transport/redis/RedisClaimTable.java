package mproc.transport.redis;

import mproc.transport.ClaimTable;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.params.SetParams;

/**
 * Claims in a Redis hash, one field per unit: {@code HSETNX} sets it only if nobody has, so exactly
 * one claimer wins, whichever host it is on; a data provider's row is a field {@code unit/row} of the
 * same hash. The gate is a key set once ({@code SET NX}). Both expire
 * with the run.
 */
final class RedisClaimTable implements ClaimTable {
  private final Jedis redis;
  private final RedisAddress where;
  private final String claims;
  private final String gate;
  private final long ttlSeconds;

  RedisClaimTable(Jedis redis, RedisAddress where, String claims, String gate, long ttlSeconds) {
    this.redis = redis;
    this.where = where;
    this.claims = claims;
    this.gate = gate;
    this.ttlSeconds = ttlSeconds;
  }

  @Override
  public synchronized boolean claim(int unit, long owner) {
    ClaimTable.checkClaim(unit, owner);
    return claimField(String.valueOf(unit), owner);
  }

  private boolean claimField(String field, long owner) {
    return command(r -> {
      Pipeline both = r.pipelined();
      redis.clients.jedis.Response<Long> set = both.hsetnx(claims, field, String.valueOf(owner));
      both.expire(claims, ttlSeconds);
      both.sync();
      return set.get() == 1;
    });
  }

  @Override
  public synchronized long owner(int unit) {
    return ownerOf(String.valueOf(unit));
  }

  @Override
  public synchronized boolean claimRow(int unit, int row, long owner) {
    ClaimTable.checkRowClaim(unit, row, owner);
    return claimField(unit + "/" + row, owner);
  }

  @Override
  public synchronized long rowOwner(int unit, int row) {
    return ownerOf(unit + "/" + row);
  }

  private long ownerOf(String field) {
    String owner = command(r -> r.hget(claims, field));
    return owner == null ? 0 : Long.parseLong(owner);
  }

  @Override
  public synchronized boolean decideGate(long state) {
    ClaimTable.checkGateState(state);
    return "OK".equals(command(r -> r.set(gate, String.valueOf(state), SetParams.setParams().nx().ex(ttlSeconds))));
  }

  @Override
  public synchronized long gate() {
    String state = command(r -> r.get(gate));
    return state == null ? 0 : Long.parseLong(state);
  }

  private <T> T command(java.util.function.Function<Jedis, T> command) {
    return where.call(redis, command);
  }

  @Override
  public synchronized void close() {
    redis.close();
  }
}
