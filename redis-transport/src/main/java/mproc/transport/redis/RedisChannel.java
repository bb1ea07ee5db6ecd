package mproc.transport.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import mproc.transport.Channel;
import mproc.transport.Message;
import mproc.transport.MessageCodec;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntryBinary;

/**
 * A channel as a Redis stream: each message one entry ({@code XADD}), read in order from the last
 * entry seen ({@code XREAD}), so every reader sees every message, as the Chronicle queue's readers
 * do. A poll reads up to {@value #BATCH} entries at once and hands them out one by one. Each write
 * also sets the stream's time to live, so a run that dies leaves nothing in Redis for long.
 */
final class RedisChannel implements Channel {
  private static final int BATCH = 128;
  private static final byte[] FIELD = "m".getBytes(StandardCharsets.US_ASCII);
  private final Jedis redis;
  private final byte[] key;
  private final long ttlSeconds;
  private final RedisAddress where;
  private final ArrayDeque<Message> read = new ArrayDeque<>();
  private StreamEntryID last = new StreamEntryID(0, 0);

  RedisChannel(Jedis redis, RedisAddress where, String key, long ttlSeconds) {
    this.redis = redis;
    this.where = where;
    this.key = key.getBytes(StandardCharsets.UTF_8);
    this.ttlSeconds = ttlSeconds;
  }

  @Override
  public synchronized void send(Message message) {
    try {
      Pipeline both = redis.pipelined();
      both.xadd(key, XAddParams.xAddParams(), Map.of(FIELD, MessageCodec.toBytes(message)));
      both.expire(key, ttlSeconds);
      both.sync();
    } catch (redis.clients.jedis.exceptions.JedisException e) {
      throw where.lost(e);
    }
  }

  @Override
  public synchronized Message poll() {
    if (read.isEmpty()) {
      List<Map.Entry<byte[], List<StreamEntryBinary>>> got;
      try {
        got = redis.xreadBinary(XReadParams.xReadParams().count(BATCH), Map.of(key, last));
      } catch (redis.clients.jedis.exceptions.JedisException e) {
        throw where.lost(e);
      }
      if (got != null) {
        for (Map.Entry<byte[], List<StreamEntryBinary>> stream : got) {
          for (StreamEntryBinary entry : stream.getValue()) {
            last = entry.getID();
            read.add(MessageCodec.fromBytes(field(entry)));
          }
        }
      }
    }
    return read.poll();
  }

  private static byte[] field(StreamEntryBinary entry) {
    for (Map.Entry<byte[], byte[]> f : entry.getFields().entrySet()) {
      if (java.util.Arrays.equals(f.getKey(), FIELD)) {
        return f.getValue();
      }
    }
    throw new IllegalStateException("a stream entry without its message: " + entry.getID());
  }

  @Override
  public synchronized void close() {
    redis.close();
  }
}
