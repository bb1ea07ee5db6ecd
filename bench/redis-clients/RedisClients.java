import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One client in a fresh JVM against a redis-server on a loopback port: {@code java -cp CP
 * RedisClients jedis|lettuce PORT}. Prints the time from JVM start to the first reply (what a
 * worker JVM pays), the median of a claim (HSETNX), and the median round trip of the run's loop:
 * the parent adds a unit to a stream, a worker reads it and adds a result to another, the parent
 * reads that (XADD/XREAD BLOCK, one connection per side).
 */
public class RedisClients {
  interface Side {
    boolean claim(String table, String unit, String owner);
    void add(String stream, String value);
    /** Blocks for the next entry after {@code after}; returns its id. */
    String readAfter(String stream, String after);
    void close();
  }

  static final class JedisSide implements Side {
    final Jedis jedis;
    JedisSide(int port) { jedis = new Jedis("127.0.0.1", port); }
    public boolean claim(String table, String unit, String owner) { return jedis.hsetnx(table, unit, owner) == 1; }
    public void add(String stream, String value) { jedis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("v", value)); }
    public String readAfter(String stream, String after) {
      List<Map.Entry<String, List<StreamEntry>>> got =
          jedis.xread(XReadParams.xReadParams().block(0).count(1), Map.of(stream, new StreamEntryID(after)));
      return got.get(0).getValue().get(0).getID().toString();
    }
    public void close() { jedis.close(); }
  }

  static final class LettuceSide implements Side {
    final RedisClient client;
    final RedisCommands<String, String> redis;
    LettuceSide(int port) { client = RedisClient.create("redis://127.0.0.1:" + port); redis = client.connect().sync(); }
    public boolean claim(String table, String unit, String owner) { return redis.hsetnx(table, unit, owner); }
    public void add(String stream, String value) { redis.xadd(stream, Map.of("v", value)); }
    public String readAfter(String stream, String after) {
      List<StreamMessage<String, String>> got = redis.xread(XReadArgs.Builder.block(0).count(1), XReadArgs.StreamOffset.from(stream, after));
      return got.get(0).getId();
    }
    public void close() { client.shutdown(); }
  }

  public static void main(String[] args) throws Exception {
    String kind = args[0];
    int port = Integer.parseInt(args[1]);
    long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    Side parent = side(kind, port);
    parent.claim("warm", "x", "1");
    long firstReply = System.currentTimeMillis() - jvmStart;
    int n = 20_000;
    long[] claims = new long[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      parent.claim(kind + ":claims", "u" + i, "7");
      claims[i] = System.nanoTime() - t;
    }
    Side worker = side(kind, port);
    Side workerIn = side(kind, port);
    Side parentIn = side(kind, port);
    int rounds = 4_000;
    Thread w = new Thread(() -> {
      String after = "0-0";
      for (int i = 0; i < rounds; i++) {
        after = workerIn.readAfter(kind + ":work", after);
        worker.add(kind + ":results", "r" + i);
      }
    });
    w.start();
    long[] trips = new long[rounds];
    String after = "0-0";
    for (int i = 0; i < rounds; i++) {
      long t = System.nanoTime();
      parent.add(kind + ":work", "u" + i);
      after = parentIn.readAfter(kind + ":results", after);
      trips[i] = System.nanoTime() - t;
    }
    w.join();
    System.out.printf("%s: first reply %d ms after JVM start; claim median %.1f µs (p99 %.1f); unit out and result back median %.1f µs (p99 %.1f)%n",
        kind, firstReply, pct(claims, 50, 2_000), pct(claims, 99, 2_000), pct(trips, 50, 500), pct(trips, 99, 500));
    for (Side s : List.of(parent, worker, workerIn, parentIn)) {
      s.close();
    }
  }

  static Side side(String kind, int port) {
    return kind.equals("jedis") ? new JedisSide(port) : new LettuceSide(port);
  }

  /** The percentile of the samples after the warm-up ones, in µs. */
  static double pct(long[] samples, int p, int warmUp) {
    long[] s = Arrays.copyOfRange(samples, warmUp, samples.length);
    Arrays.sort(s);
    return s[Math.min(s.length - 1, s.length * p / 100)] / 1000.0;
  }
}
