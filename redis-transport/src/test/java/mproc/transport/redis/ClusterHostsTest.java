package mproc.transport.redis;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;
import redis.clients.jedis.Jedis;

/**
 * Several hosts on one run (issue 20), each a process tree of its own sharing nothing but a real
 * redis-server: the first leads and reports, the others' workers pull from the same queue, every
 * test runs once, and the faults of a host, the leader and Redis itself end as the issue says.
 */
public class ClusterHostsTest {
  private static final String SUITE = "<!DOCTYPE suite SYSTEM \"https://testng.org/testng-1.0.dtd\">\n"
      + "<suite name=\"spread\"><test name=\"spread\"><classes>"
      + "<class name=\"mproc.transport.redis.suite.Spread$D\"/><class name=\"mproc.transport.redis.suite.Spread$A\"/>"
      + "<class name=\"mproc.transport.redis.suite.Spread$B\"/><class name=\"mproc.transport.redis.suite.Spread$C\"/>"
      + "</classes></test></suite>\n";
  private static final int TESTS = 24;
  // D, whose tests need the leader's global fixture, comes first: the leader's own JVM, which takes
  // the first unit, computes it, and the tests held for a joined worker (it.holdFor) never wait for it.
  private RedisServer server;
  private Path root;
  private Path suite;
  private List<String> sequential;

  @BeforeClass
  public void startRedis() throws Exception {
    server = RedisServer.start();
    root = Files.createTempDirectory("mproc-hosts-it");
    suite = Files.writeString(root.resolve("suite.xml"), SUITE);
    SimulatedHost seq = SimulatedHost.start(root, "sequential", suite, List.of(), "org.testng.TestNG");
    assertEquals(seq.awaitExit(120), 1, seq.output());
    sequential = names(seq.ran());
    assertEquals(sequential.size(), TESTS);
  }

  @AfterClass(alwaysRun = true)
  public void stopRedis() throws Exception {
    if (server != null) {
      server.close();
    }
    RedisServer.delete(root);
  }

  private SimulatedHost host(String name, String run, RedisServer redis, List<String> extraClassPath, String... more)
      throws Exception {
    return host(name, run, redis, extraClassPath, List.of(), more);
  }

  /**
   * A host of run {@code run}. The leader's tests and the joined host's own JVM's wait until a
   * worker JVM of a joined host has started one ({@link mproc.transport.redis.suite.Spread}'s
   * {@code it.holdFor}): on a slow machine the first JVMs would otherwise take every test before
   * the joined host's worker is ready, and the faults these tests cause there would not happen.
   * Only hosts named {@code leader} and {@code joined} take part: a run with no joined worker names
   * its leader otherwise.
   */
  private SimulatedHost host(String name, String run, RedisServer redis, List<String> extraClassPath, List<String> properties,
      String... more) throws Exception {
    properties = new ArrayList<>(properties);
    if (name.equals("leader") || name.equals("joined")) {
      properties.addAll(holdUntilAJoinedWorkerRuns(run, name.equals("joined")));
    }
    List<String> args = new ArrayList<>(List.of("-cores", "2", "-mproc.cluster", redis.url(run), "-mproc.hostTimeout", "2"));
    args.addAll(List.of(more));
    return SimulatedHost.start(root.resolve(run), name, suite, extraClassPath, properties, "mproc.TestNG", args.toArray(new String[0]));
  }

  private List<String> holdUntilAJoinedWorkerRuns(String run, boolean joined) {
    String hold = "-Dit.holdFor=" + root.resolve(run + "-joined-worker-ran");
    return joined ? List.of(hold, "-Dit.releaseFromWorker=true") : List.of(hold);
  }

  /** Waits until the run has a leader whose class path any host can check: the next host joins. */
  private static void awaitLeader(RedisServer redis, String run) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    try (Jedis jedis = new Jedis("127.0.0.1", redis.port)) {
      while (!jedis.exists("mproc:" + run + ":value:fingerprint")) {
        assertTrue(System.nanoTime() < deadline, "no leader for " + run);
        Thread.sleep(20);
      }
    }
  }

  private static List<String> names(List<String> ran) {
    return ran.stream().map(l -> l.substring(0, l.lastIndexOf(' '))).sorted().toList();
  }

  /**
   * A joined host stopped or lost mid-run: no test started twice, and a test that never started is
   * one the leader failed as in flight on that host. TestNG tells the leader a test has started
   * before the test's first line, which writes the log this reads: a host stopped in between leaves
   * a test in flight (failed, as it must be) that never reached its body.
   */
  private void assertNoneTwiceAndTheRestFailedOnTheJoinedHost(SimulatedHost leader, SimulatedHost joined) throws Exception {
    List<String> started = both(leader, joined);
    assertEquals(started.stream().distinct().count(), (long) started.size(), "no test started twice: " + started);
    List<String> missing = new ArrayList<>(sequential);
    started.forEach(missing::remove);
    assertEquals(started.size() + missing.size(), sequential.size(), "only the suite's tests started: " + started);
    assertTrue(missing.size() <= 2, "at most one test in flight in each JVM of the joined host: " + missing);
    for (String test : missing) {
      assertTrue(leader.output().lines().anyMatch(l -> l.startsWith("mproc: FAILED " + test + "  host-")),
          test + " never started, and the leader did not fail it as in flight on the joined host:\n" + leader.output());
    }
  }

  private static List<String> both(SimulatedHost a, SimulatedHost b) throws Exception {
    List<String> all = new ArrayList<>(a.ran());
    all.addAll(b.ran());
    return names(all);
  }

  @Test
  public void twoHostsShareOneRunEachTestOnceTheLeaderReportsAsSequentially() throws Exception {
    SimulatedHost leader = host("leader", "two", server, List.of(), "-mproc.hostTimeout", "10");
    awaitLeader(server, "two");
    SimulatedHost joined = host("joined", "two", server, List.of(), "-mproc.hostTimeout", "10");
    assertEquals(leader.awaitExit(120), 1, leader.output());
    assertEquals(joined.awaitExit(60), 1, "the run failed, so every host fails (mproc.clusterExit=all):\n" + joined.output());
    // Told the outcome as the leader's last suite ends, the joined host still says that its own JVM's sessions ended
    // before it exits: the leader need not wait for its heartbeat to expire (10 s here) to end the run.
    assertTrue(leader.exitedNanos() - joined.exitedNanos() < TimeUnit.SECONDS.toNanos(5),
        "the leader ended " + (leader.exitedNanos() - joined.exitedNanos()) / 1_000_000 + " ms after the joined host");
    assertEquals(both(leader, joined), sequential, "every test once, across the hosts");
    assertFalse(joined.ran().isEmpty(), "the joined host's workers ran tests:\n" + joined.output());
    List<String> tokens = new ArrayList<>();
    for (SimulatedHost h : List.of(leader, joined)) {
      Path file = h.dir.resolve("it.log.tokens");
      if (Files.exists(file)) {
        Files.readAllLines(file).forEach(l -> tokens.add(l.substring(l.indexOf(' ') + 1)));
      }
    }
    List<String> fixtureRuns = Files.readAllLines(leader.dir.resolve("it.log.fixture"));
    assertEquals(fixtureRuns.size(), 1, "the global fixture was computed once, on the leader");
    assertFalse(Files.exists(joined.dir.resolve("it.log.fixture")), "and not on the joined host");
    assertEquals(tokens, java.util.Collections.nCopies(6, "token-" + fixtureRuns.get(0)), "every host's tests got the leader's value");
    String timeline = Files.readString(leader.dir.resolve("out/mproc-timeline.json"));
    assertTrue(timeline.contains("\"name\":\"host-1\"") && timeline.contains("\"name\":\"host-1-worker-1\"")
        && !timeline.contains("host-1-worker-2"), "-cores 2 on the joined host: its own JVM and one worker JVM: " + timeline);
    assertTrue(leader.output().contains("Total tests run: 24, Passes: 23, Failures: 1, Skips: 0"), leader.output());
    String joinedOut = joined.output();
    assertTrue(joinedOut.contains("mproc: FAILED mproc.transport.redis.suite.Spread$A.fails: java.lang.AssertionError: on purpose"), joinedOut);
    assertTrue(joinedOut.contains("mproc: cluster run redis://127.0.0.1:" + server.port + "/two: 23 passed, 1 failed, 0 skipped"), joinedOut);
    String results = Files.readString(leader.dir.resolve("out/testng-results.xml"));
    assertTrue(results.contains("total=\"24\" passed=\"23\" failed=\"1\" skipped=\"0\""), "the leader's XML report has the whole run");
    String joinedResults = Files.readString(joined.dir.resolve("out/testng-results.xml"));
    assertFalse(joinedResults.contains("<test "), "the joined host's TestNG set up no <test> of its own (its sessions ran the leader's plan):\n"
        + joinedResults);

    SimulatedHost late = host("late", "two", server, List.of());
    assertEquals(late.awaitExit(60), 0, late.output());
    assertTrue(late.output().contains("mproc: run redis://127.0.0.1:" + server.port + "/two had ended when this host came"), late.output());
    assertTrue(late.ran().isEmpty(), "nothing ran on a host that came after the end");
  }

  @Test
  public void aHostWithAnotherBuildIsRefusedAndTheRunGoesOnWithoutIt() throws Exception {
    Path extra = Files.createDirectories(root.resolve("other-build"));
    SimulatedHost leader = host("lone-leader", "build", server, List.of(), "-mproc.clusterExit", "leader");
    awaitLeader(server, "build");
    SimulatedHost other = host("other", "build", server, List.of(extra.toString()));
    assertEquals(other.awaitExit(60), 1, other.output());
    assertTrue(other.output().trim().matches("(?s).*\\Qmproc: this host takes no part in run redis://127.0.0.1:" + server.port + "/build: its"
        + " build differs from the leader's: the class path has " + (classPathEntries() + 1) + " entries here and " + classPathEntries()
        + " on the leader; the first one only this host has is \\E\\S*other-build\\. Run the same build on every host"), other.output());
    assertTrue(other.ran().isEmpty());
    assertEquals(leader.awaitExit(120), 1, leader.output());
    assertEquals(names(leader.ran()), sequential);
  }

  private static int classPathEntries() {
    return System.getProperty("java.class.path").split(java.io.File.pathSeparator).length;
  }

  @Test
  public void aHostKilledMidRunIsLostItsTestInFlightFailsAndItsOtherWorkRunsElsewhere() throws Exception {
    SimulatedHost leader = host("leader", "lost", server, List.of());
    awaitLeader(server, "lost");
    SimulatedHost joined = host("joined", "lost", server, List.of(), "-mproc.clusterExit", "leader");
    joined.awaitRan(2, 60);
    joined.killTree();
    List<String> inFlight = joined.ran(); // started there; some may have ended before the kill
    assertEquals(leader.awaitExit(120), 1, leader.output());
    String out = leader.output();
    assertTrue(out.matches("(?s).*mproc: host 1 \\([^)]*\\) lost \\(no heartbeat for 2 s\\) while running mproc\\.transport\\.redis\\.suite\\.Spread\\$\\w\\.\\w+.*"), out);
    assertNoneTwiceAndTheRestFailedOnTheJoinedHost(leader, joined); // none in flight ran again, none unstarted was lost
    assertTrue(out.contains("Total tests run: 24"), out);
    assertFalse(inFlight.isEmpty());
  }

  @Test
  public void aWorkerThatDiesOnAJoinedHostFailsItsTestAndItsHostStartsAnother() throws Exception {
    SimulatedHost leader = host("leader", "crash", server, List.of());
    awaitLeader(server, "crash");
    Path marker = root.resolve("crash-died");
    SimulatedHost joined = host("joined", "crash", server, List.of(), List.of("-Dit.dieOnce=" + marker), "-mproc.clusterExit", "leader");
    assertEquals(leader.awaitExit(120), 1, leader.output());
    assertEquals(joined.awaitExit(60), 0, joined.output());
    String out = leader.output();
    java.util.regex.Matcher died = java.util.regex.Pattern.compile(
        "mproc: worker host-1-worker-(\\d) \\(pid (\\d+) on host 1 \\([^)]*\\)\\) exited with code 3 while running"
            + " mproc\\.transport\\.redis\\.suite\\.Spread\\$(\\w)\\.(\\w+)").matcher(out);
    assertTrue(died.find(), out);
    String test = died.group(3) + "." + died.group(4);
    assertTrue(joined.ran().contains(test + " " + died.group(2)), "it died in the test it started: " + joined.ran());
    assertTrue(joined.output().contains("starts in place of worker 100" + died.group(1)), joined.output());
    assertEquals(both(leader, joined), sequential, "every test started once: the one it died in is not run again");
    assertTrue(out.contains("Total tests run: 24, Passes: " + (test.equals("A.fails") ? 23 : 22) + ", Failures: "
        + (test.equals("A.fails") ? 1 : 2)), out);
  }

  @Test
  public void aTestPastTheTimeoutOnAJoinedHostIsStoppedThereWithItsThreads() throws Exception {
    // The timeout leaves room for the tests that wait for the joined host's worker JVM (it.holdFor).
    SimulatedHost leader = host("leader", "hang", server, List.of(), "-mproc.timeout", "15");
    awaitLeader(server, "hang");
    SimulatedHost joined = host("joined", "hang", server, List.of(), List.of("-Dit.hangOnce=" + root.resolve("hang-hung")),
        "-mproc.timeout", "15", "-mproc.clusterExit", "leader");
    assertEquals(leader.awaitExit(120), 1, leader.output());
    assertEquals(joined.awaitExit(60), 0, joined.output());
    String out = leader.output();
    assertTrue(out.matches("(?s).*mproc: mproc\\.timeout: mproc\\.transport\\.redis\\.suite\\.Spread\\$\\w\\.\\w+ ran longer than 15 s in"
        + " worker host-1-worker-\\d \\(pid \\d+ on host 1 \\([^)]*\\)\\), which was stopped; its threads:.*"), out);
    assertTrue(joined.output().contains("as the leader asked; its threads:"), joined.output());
    assertTrue(joined.output().contains("java.lang.Thread.sleep"), "the hung test's stack is printed where it ran");
    assertEquals(both(leader, joined), sequential, "every test started once");
    assertTrue(out.contains("Total tests run: 24"), out);
  }

  @Test
  public void aHostWhoseNetworkIsCutIsLostAndStopsItselfTheRunGoesOn() throws Exception {
    try (NetworkNamespace ns = NetworkNamespace.create()) {
      RedisServer own = RedisServer.start("127.0.0.1 " + ns.hostAddress());
      try {
        String url = own.url(ns.hostAddress(), "cable");
        SimulatedHost leader = SimulatedHost.start(root.resolve("cable"), "leader", suite, List.of(), holdUntilAJoinedWorkerRuns("cable", false), List.of(),
            "mproc.TestNG", "-cores", "2", "-mproc.cluster", url, "-mproc.hostTimeout", "2");
        awaitLeader(own, "cable");
        SimulatedHost joined = SimulatedHost.start(root.resolve("cable"), "joined", suite, List.of(), holdUntilAJoinedWorkerRuns("cable", true), ns.exec(),
            "mproc.TestNG", "-cores", "2", "-mproc.cluster", url, "-mproc.hostTimeout", "2");
        joined.awaitRan(2, 60);
        ns.cut();
        long cut = System.nanoTime();
        assertEquals(joined.awaitExit(30), 1, joined.output());
        assertTrue(System.nanoTime() - cut < TimeUnit.SECONDS.toNanos(15), "it stopped within seconds");
        assertTrue(joined.output().contains("mproc: lost Redis at " + url + " ("), joined.output());
        assertEquals(leader.awaitExit(120), 1, leader.output());
        String out = leader.output();
        assertTrue(out.matches("(?s).*mproc: host 1 \\([^)]*\\) lost \\(no heartbeat for 2 s\\) while running .*"), out);
        assertEquals(both(leader, joined), sequential, "every test started once: none the cut host had started ran again");
        assertTrue(out.contains("Total tests run: 24"), out);
      } finally {
        own.close();
      }
    }
  }

  @Test
  public void aJoinedHostStoppedWithSigtermTellsTheLeaderAndLeavesNothingBehind() throws Exception {
    SimulatedHost leader = host("leader", "sigterm", server, List.of(), "-mproc.hostTimeout", "30");
    awaitLeader(server, "sigterm");
    SimulatedHost joined = host("joined", "sigterm", server, List.of(), "-mproc.hostTimeout", "30");
    joined.awaitRan(2, 60);
    joined.terminate();
    long stopped = System.nanoTime();
    joined.awaitExit(30);
    assertEquals(leader.awaitExit(120), 1, leader.output());
    assertTrue(System.nanoTime() - stopped < TimeUnit.SECONDS.toNanos(25),
        "the leader heard at once, not after mproc.hostTimeout (30 s):\n" + leader.output());
    assertNoneTwiceAndTheRestFailedOnTheJoinedHost(leader, joined);
    assertTrue(leader.output().contains("Total tests run: 24"), leader.output());
    assertFalse(joined.leftARunDirectory(), "the joined host's run directory is removed");
  }

  @Test
  public void whenTheLeaderIsInterruptedTheRunFailsOnEveryHost() throws Exception {
    SimulatedHost leader = host("leader", "sigint", server, List.of());
    awaitLeader(server, "sigint");
    SimulatedHost joined = host("joined", "sigint", server, List.of(), "-mproc.clusterExit", "all");
    joined.awaitRan(2, 60); // its worker JVM's too: the leader's tests are no longer held (it.holdFor)
    leader.terminate();
    leader.awaitExit(60);
    assertEquals(joined.awaitExit(20), 1, "the joined host took no more work and ended soon after:\n" + joined.output());
    assertFalse(joined.output().contains("as the leader asked"), "its workers were not stopped as hung:\n" + joined.output());
    assertTrue(joined.output().contains("mproc: the leader was interrupted (Ctrl-C or SIGTERM): the tests it had not finished are skipped"),
        joined.output());
  }

  @Test
  public void whenTheLeaderDiesTheOtherHostsStopWithOneLine() throws Exception {
    SimulatedHost leader = host("leader", "headless", server, List.of());
    awaitLeader(server, "headless");
    SimulatedHost joined = host("joined", "headless", server, List.of());
    joined.awaitRan(1, 60);
    leader.killTree();
    long killed = System.nanoTime();
    assertEquals(joined.awaitExit(30), 1, joined.output());
    assertTrue(System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(15), "noticed within seconds");
    assertTrue(joined.output().contains("mproc: the leader of run redis://127.0.0.1:" + server.port + "/headless is gone (no heartbeat"
        + " for 2 s); this host stops"), joined.output());
    try (Jedis redis = new Jedis("127.0.0.1", server.port)) {
      java.util.Set<String> keys = redis.keys("mproc:headless:*");
      assertFalse(keys.isEmpty());
      assertTrue(keys.stream().allMatch(k -> redis.ttl(k) > 0 || redis.pttl(k) > 0), "nothing stays past its time to live: " + keys);
    }
    Thread.sleep(300);
    assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.info().arguments().map(a -> String.join(" ", a).contains(joined.dir.toString()))
        .orElse(false) && p.isAlive()), "no worker of the joined host is left");
  }

  @Test
  public void whenTheLeaderDiesWhileATestHangsInAJoinedHostsOwnJvmThatHostStillStops() throws Exception {
    SimulatedHost leader = host("leader", "stuck", server, List.of());
    awaitLeader(server, "stuck");
    Path hung = root.resolve("stuck-hung");
    SimulatedHost joined = host("joined", "stuck", server, List.of(), List.of("-Dit.hangOnceInHostJvm=" + hung));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(hung)) {
      assertTrue(System.nanoTime() < deadline && joined.alive(), "no test hung on the joined host:\n" + joined.output());
      Thread.sleep(20);
    }
    leader.killTree();
    long killed = System.nanoTime();
    assertEquals(joined.awaitExit(30), 1, joined.output());
    assertTrue(System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(15), "stopped within seconds, a test of its own JVM hanging or not");
    assertTrue(joined.output().contains("mproc: the leader of run redis://127.0.0.1:" + server.port + "/stuck is gone"), joined.output());
  }

  @Test
  public void whenRedisIsLostEveryHostStopsWithinSecondsWithOneLine() throws Exception {
    RedisServer own = RedisServer.start();
    SimulatedHost leader;
    SimulatedHost joined;
    try {
      leader = host("leader", "cut", own, List.of());
      awaitLeader(own, "cut");
      joined = host("joined", "cut", own, List.of());
      joined.awaitRan(1, 60);
    } finally {
      own.close();
    }
    long lost = System.nanoTime();
    assertEquals(leader.awaitExit(30), 1, leader.output());
    assertEquals(joined.awaitExit(30), 1, joined.output());
    assertTrue(System.nanoTime() - lost < TimeUnit.SECONDS.toNanos(20), "stopped within seconds");
    for (SimulatedHost h : List.of(leader, joined)) {
      assertTrue(h.output().contains("mproc: lost Redis at redis://127.0.0.1:" + own.port + "/cut ("), h.output());
    }
  }
}
