package mproc.transport.redis;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicIntegerArray;
import mproc.transport.Channel;
import mproc.transport.ClaimTable;
import mproc.transport.Message;
import mproc.transport.Message.EndOfWork;
import mproc.transport.Message.Frame;
import mproc.transport.Message.MethodRef;
import mproc.transport.Message.TestOutcome;
import mproc.transport.Message.ThrowableData;
import mproc.transport.Message.UnitPlan;
import mproc.transport.Message.ValueData;
import mproc.transport.Message.WorkerReady;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;
import redis.clients.jedis.Jedis;

/** The Redis transport against a real redis-server: what the Chronicle transport's tests ask of it, and the keys' life. */
public class RedisTransportTest {
  private RedisServer server;

  @BeforeClass
  public void startRedis() throws Exception {
    server = RedisServer.start();
  }

  @AfterClass(alwaysRun = true)
  public void stopRedis() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  private RedisTransport transport(String name) {
    return new RedisTransport(RedisAddress.parse(server.url(name)), 600);
  }

  @Test
  public void messagesArriveWholeAndInOrderForEveryReader() {
    ThrowableData failure = new ThrowableData(new byte[] {1, 2}, "com.example.Boom", "it broke: ü",
        List.of(new Frame("com.example.T", "run", "T.java", 42)), null);
    List<Message> sent = new ArrayList<>();
    sent.add(new UnitPlan(7, 3, List.of(new MethodRef("a.B", "c", List.of(0))), true, 2_500));
    sent.add(new WorkerReady(2, 12345L, 1_700_000_000_123L));
    sent.add(new TestOutcome(7, 1, "a.B", "c", 2, 10L, 20L, true, 3, 4, List.of(new ValueData(new byte[] {9}, "nine")), failure,
        List.of("line 1")));
    for (int i = 0; i < 300; i++) { // more than one read's batch
      sent.add(new Message.UnitDone(i));
    }
    sent.add(new EndOfWork());
    RedisTransport transport = transport("order");
    try (Channel writer = transport.openWork(); Channel one = transport.openWork(); Channel two = transport.openWork()) {
      assertNull(one.poll(), "nothing yet");
      sent.forEach(writer::send);
      for (Channel reader : List.of(one, two)) {
        List<Message> got = new ArrayList<>();
        for (Message m = reader.poll(); m != null; m = reader.poll()) {
          got.add(m);
        }
        assertEquals(got.size(), sent.size());
        // byte arrays inside: the same message encodes to the same bytes
        assertEquals(mproc.transport.MessageCodec.toBytes(got.get(2)), mproc.transport.MessageCodec.toBytes(sent.get(2)),
            "a result with its failure and parameters");
        assertEquals(got.subList(3, got.size()), sent.subList(3, sent.size()), "in order");
      }
    }
  }

  @Test
  public void racingClaimersOnTheirOwnConnectionsClaimEveryUnitExactlyOnce() throws Exception {
    int units = 2_000;
    AtomicIntegerArray wins = new AtomicIntegerArray(units);
    RedisTransport transport = transport("race");
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> threads = new ArrayList<>();
    for (int owner = 1; owner <= 4; owner++) {
      long id = owner;
      Thread t = new Thread(() -> {
        try (ClaimTable claims = transport.openClaims()) {
          start.await();
          for (int u = 0; u < units; u++) {
            if (claims.claim(u, id)) {
              wins.incrementAndGet(u);
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      t.start();
      threads.add(t);
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    try (ClaimTable claims = transport.openClaims()) {
      for (int u = 0; u < units; u++) {
        assertEquals(wins.get(u), 1, "unit " + u);
        assertTrue(claims.owner(u) >= 1 && claims.owner(u) <= 4);
      }
      assertEquals(claims.owner(units), 0L, "never claimed");
    }
  }

  @Test
  public void aClaimElsewhereIsSeenWithoutARoundTripPerUnitAndASeenOwnerIsExact() throws Exception {
    RedisTransport transport = transport("seen");
    try (ClaimTable mine = transport.openClaims(); ClaimTable other = transport.openClaims();
        Jedis redis = new Jedis("127.0.0.1", server.port)) {
      assertEquals(mine.ownerSeen(7), 0L, "free");
      for (int u = 0; u < 500; u += 2) {
        assertTrue(other.claim(u, 3));
      }
      assertTrue(other.claimRow(1, 0, 3), "a row is no unit");
      Thread.sleep(5); // past the moment for which a unit seen free may be out of date
      long before = calls(redis, "xread") + calls(redis, "hget");
      for (int u = 0; u < 500; u += 2) {
        assertEquals(mine.ownerSeen(u), 3L, "unit " + u);
      }
      assertEquals(calls(redis, "xread") + calls(redis, "hget") - before, 1L, "250 claimed units looked at with one read of the claim log");
      long reads = calls(redis, "xread");
      long started = System.nanoTime();
      for (int u = 1; u < 500; u += 2) {
        assertEquals(mine.ownerSeen(u), 0L, "unit " + u);
      }
      long millis = (System.nanoTime() - started) / 1_000_000;
      assertTrue(calls(redis, "xread") - reads <= millis + 1, "250 free units: the log read again at most once a millisecond, not for"
          + " each (" + (calls(redis, "xread") - reads) + " reads in " + millis + " ms)");
      assertFalse(mine.claim(4, 2), "claiming settles it");
      assertTrue(mine.claim(5, 2));
      assertEquals(other.ownerSeen(5), 2L, "seen by the other table as soon as it reads the log");
      assertEquals(other.owner(5), 2L);
      assertEquals(mine.owner(1), 0L, "owner is exact: never claimed");
      assertTrue(mine.claim(9, 2));
      assertEquals(other.owner(9), 2L, "owner is exact at once");
    }
  }

  @Test
  public void anOwnerIsFoundPastOneReadOfTheClaimLog() {
    RedisTransport transport = transport("long-log");
    try (ClaimTable claims = transport.openClaims()) {
      for (int u = 0; u < 5_000; u++) {
        assertTrue(claims.claim(u, 1 + u % 3));
      }
    }
    try (ClaimTable late = transport.openClaims()) {
      assertEquals(late.owner(4_999), 1L + 4_999 % 3, "past the first 4,096 entries of the log");
      assertEquals(late.owner(5_000), 0L);
    }
  }

  /** How many times Redis ran this command since it started. */
  private static long calls(Jedis redis, String command) {
    String stats = redis.info("commandstats");
    int at = stats.indexOf("cmdstat_" + command + ":calls=");
    if (at < 0) {
      return 0;
    }
    int from = at + ("cmdstat_" + command + ":calls=").length();
    return Long.parseLong(stats.substring(from, stats.indexOf(',', from)));
  }

  @Test
  public void aRowIsClaimedOnceApartFromItsUnitAndFromOtherUnitsRows() {
    try (ClaimTable claims = transport("rows").openClaims()) {
      assertEquals(claims.rowOwner(4, 0), 0L);
      assertTrue(claims.claimRow(4, 0, 2));
      assertFalse(claims.claimRow(4, 0, 3));
      assertEquals(claims.rowOwner(4, 0), 2L);
      assertEquals(claims.owner(4), 0L, "the unit is not claimed by its row");
      assertTrue(claims.claimRow(40, 0, 3), "another unit's row 0");
      assertTrue(claims.claimRow(4, ClaimTable.ROWS_END, 3));
      assertEquals(claims.rowOwner(4, ClaimTable.ROWS_END), 3L);
    }
  }

  @Test
  public void theGateIsDecidedOnce() {
    try (ClaimTable claims = transport("gate").openClaims()) {
      assertEquals(claims.gate(), 0L);
      assertTrue(claims.decideGate(ClaimTable.GATE_OPEN));
      assertFalse(claims.decideGate(ClaimTable.GATE_SHUT));
      assertEquals(claims.gate(), ClaimTable.GATE_OPEN);
      expectThrows(IllegalArgumentException.class, () -> claims.decideGate(3));
    }
  }

  @Test
  public void everyKeyLivesUnderTheRunsNameAndExpires() {
    RedisTransport transport = transport("ci-1234");
    try (Channel work = transport.openWork(); Channel results = transport.openResults(1); ClaimTable claims = transport.openClaims()) {
      work.send(new EndOfWork());
      results.send(new EndOfWork());
      claims.claim(0, 1);
      claims.decideGate(ClaimTable.GATE_OPEN);
      try (Channel otherRun = transport("ci-5678").openWork()) {
        assertNull(otherRun.poll(), "another run's name sees nothing");
      }
    }
    try (Jedis redis = new Jedis("127.0.0.1", server.port)) {
      Set<String> keys = redis.keys("mproc:ci-*"); // other tests' runs have names of their own
      assertEquals(keys, Set.of("mproc:ci-1234:work", "mproc:ci-1234:results:1", "mproc:ci-1234:claims", "mproc:ci-1234:claimlog",
          "mproc:ci-1234:gate"));
      for (String key : keys) {
        long ttl = redis.ttl(key);
        assertTrue(ttl > 0 && ttl <= 600, key + " expires: " + ttl);
      }
    }
  }

  @Test
  public void anUnreachableRedisIsOneLineNamingItsAddressWithoutThePassword() {
    RedisTransport nowhere = new RedisTransport(RedisAddress.parse("redis://ci:s3cret@127.0.0.1:1/run"), 600);
    String message = expectThrows(IllegalStateException.class, nowhere::check).getMessage();
    assertTrue(message.startsWith("mproc: cannot reach Redis at redis://ci:***@127.0.0.1:1/run: "), message);
    assertFalse(message.contains("s3cret"), message);
    assertFalse(message.contains("\n"), message);
  }
}
