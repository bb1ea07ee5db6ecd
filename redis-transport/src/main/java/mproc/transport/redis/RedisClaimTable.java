package mproc.transport.redis;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import mproc.transport.ClaimTable;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Claims in a Redis hash, one field per unit: {@code HSETNX} sets it only if nobody has, so exactly
 * one claimer wins, whichever host it is on; a data provider's row is a field {@code unit/row} of the
 * same hash. The gate is a key set once ({@code SET NX}). All expire with the run.
 *
 * <p>A claim is one script that also appends the winner to a claim log (a stream), so that each
 * table keeps a copy of the claims it has seen and answers from it: a worker going over the plan's
 * units for its next session asks about hundreds of them, and the parent about each result's unit,
 * and one {@code HGET} each cost 2,000 empty tests on two hosts 45,000 round trips. An owner not in
 * the copy is looked for in the rest of the log ({@link #owner}: exact, as the log has every claim
 * made before the read) or, for {@link #ownerSeen}, in what the last read brought, if it was less
 * than a millisecond ago.
 */
final class RedisClaimTable implements ClaimTable {
  /** Claims {@code ARGV[1]} for {@code ARGV[2]} unless claimed, logs a win, and answers the field's owner. */
  private static final String CLAIM = """
      local won = redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
      redis.call('EXPIRE', KEYS[1], ARGV[3])
      if won == 1 then
        redis.call('XADD', KEYS[2], '*', ARGV[1], ARGV[2])
        redis.call('EXPIRE', KEYS[2], ARGV[3])
        return ARGV[2]
      end
      return redis.call('HGET', KEYS[1], ARGV[1])
      """;
  /** A copy of the claims not yet seen is read at most this often: a unit seen free is at most this out of date. */
  private static final long SYNC_EVERY_NANOS = 1_000_000;
  private static final int SYNC_BATCH = 4_096;

  private final Jedis redis;
  private final RedisAddress where;
  private final String claims;
  private final String log;
  private final String gate;
  private final long ttlSeconds;
  /** Claimed fields as seen: by this table's own claims and looks, and from the claim log. */
  private final Map<String, Long> seen = new HashMap<>();
  private StreamEntryID logRead = new StreamEntryID(0, 0);
  private long nextSyncNanos = System.nanoTime();

  RedisClaimTable(Jedis redis, RedisAddress where, String claims, String log, String gate, long ttlSeconds) {
    this.redis = redis;
    this.where = where;
    this.claims = claims;
    this.log = log;
    this.gate = gate;
    this.ttlSeconds = ttlSeconds;
  }

  @Override
  public synchronized boolean claim(int unit, long owner) {
    ClaimTable.checkClaim(unit, owner);
    return claimField(String.valueOf(unit), owner);
  }

  private boolean claimField(String field, long owner) {
    Object won = command(r -> r.eval(CLAIM, List.of(claims, log), List.of(field, String.valueOf(owner), String.valueOf(ttlSeconds))));
    long holder = Long.parseLong(String.valueOf(won));
    seen.put(field, holder);
    return holder == owner;
  }

  @Override
  public synchronized long owner(int unit) {
    return ownerOf(String.valueOf(unit));
  }

  @Override
  public synchronized long ownerSeen(int unit) {
    String field = String.valueOf(unit);
    if (!seen.containsKey(field) && System.nanoTime() - nextSyncNanos >= 0) {
      readLog();
    }
    return seen.getOrDefault(field, 0L);
  }

  /** Reads the claims logged since the last read, to the log's end. */
  private void readLog() {
    for (int read = SYNC_BATCH; read == SYNC_BATCH; ) {
      List<Map.Entry<String, List<StreamEntry>>> got = command(r -> r.xread(XReadParams.xReadParams().count(SYNC_BATCH), Map.of(log, logRead)));
      read = 0;
      for (Map.Entry<String, List<StreamEntry>> stream : got == null ? List.<Map.Entry<String, List<StreamEntry>>>of() : got) {
        for (StreamEntry entry : stream.getValue()) {
          logRead = entry.getID();
          entry.getFields().forEach((field, owner) -> seen.put(field, Long.parseLong(owner)));
          read++;
        }
      }
    }
    nextSyncNanos = System.nanoTime() + SYNC_EVERY_NANOS;
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
    if (!seen.containsKey(field)) { // a claim is never undone: one seen is still the owner
      readLog();
    }
    return seen.getOrDefault(field, 0L);
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
