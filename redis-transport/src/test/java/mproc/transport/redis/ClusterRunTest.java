package mproc.transport.redis;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;
import redis.clients.jedis.Jedis;

/**
 * {@code mproc.cluster} on one host: the parent and its worker JVMs send, read and claim through a
 * real redis-server instead of Chronicle queues, and the parent reports what a sequential run does.
 */
public class ClusterRunTest {
  private static final String SUITE = "<!DOCTYPE suite SYSTEM \"https://testng.org/testng-1.0.dtd\">\n"
      + "<suite name=\"redis\"><test name=\"counted\"><classes><class name=\"mproc.transport.redis.suite.Counted\"/></classes></test></suite>\n";
  private RedisServer server;
  private Path dir;

  @BeforeClass
  public void startRedis() throws Exception {
    server = RedisServer.start();
    dir = Files.createTempDirectory("mproc-cluster-it");
    Files.writeString(dir.resolve("suite.xml"), SUITE);
  }

  @AfterClass(alwaysRun = true)
  public void stopRedis() throws Exception {
    if (server != null) {
      server.close();
    }
    RedisServer.delete(dir);
  }

  /** Exit code and output of {@code main args... suite.xml} in a JVM of its own; each test's "what pid" in {@code log}. */
  private String[] run(String name, Path log, String main, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dit.log=" + log, "-cp", System.getProperty("java.class.path"), main));
    command.addAll(List.of(args));
    command.addAll(List.of("-d", dir.resolve("out-" + name).toString(), dir.resolve("suite.xml").toString()));
    java.nio.file.Files.createDirectories(dir.resolve("target")); // as a project has: else Chronicle makes java.io.tmpdir/target
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), output);
    return new String[] {String.valueOf(p.exitValue()), output};
  }

  @Test
  public void workersOnOneHostRunThroughRedisAndTheParentReportsAsSequentially() throws Exception {
    Path seqLog = dir.resolve("seq.log");
    Path log = dir.resolve("cluster.log");
    String[] sequential = run("seq", seqLog, "org.testng.TestNG");
    String[] cluster = run("cluster", log, "mproc.TestNG", "-cores", "2", "-mproc.parentRuns", "false",
        "-mproc.cluster", server.url("it-one"), "-mproc.dir", dir.resolve("runs").toString());
    assertEquals(cluster[0], sequential[0], cluster[1]);
    String summary = "Total tests run: 6, Passes: 5, Failures: 1, Skips: 0";
    assertTrue(sequential[1].contains(summary), sequential[1]);
    assertTrue(cluster[1].contains(summary), cluster[1]);
    List<String> ran = Files.readAllLines(log);
    assertEquals(ran.stream().map(l -> l.substring(0, l.lastIndexOf(' '))).sorted().toList(),
        Files.readAllLines(seqLog).stream().map(l -> l.substring(0, l.lastIndexOf(' '))).sorted().toList(), "each test once");
    Set<String> pids = ran.stream().map(l -> l.substring(l.lastIndexOf(' ') + 1)).collect(Collectors.toSet());
    assertFalse(pids.isEmpty());
    try (Jedis redis = new Jedis("127.0.0.1", server.port)) {
      Set<String> keys = redis.keys("mproc:it-one:*");
      assertTrue(keys.containsAll(Set.of("mproc:it-one:work", "mproc:it-one:claims", "mproc:it-one:gate")), "through Redis: " + keys);
      assertTrue(keys.stream().anyMatch(k -> k.startsWith("mproc:it-one:results:")), keys.toString());
      assertTrue(keys.stream().allMatch(k -> redis.ttl(k) > 0), "every key expires");
      Set<String> claimed = redis.hkeys("mproc:it-one:claims");
      String end = "/" + mproc.transport.ClaimTable.ROWS_END;
      assertEquals(claimed.stream().filter(f -> f.matches("\\d+/\\d+") && !f.endsWith(end)).count(), 3L,
          "row's three rows claimed one by one: " + claimed);
      assertTrue(claimed.stream().anyMatch(f -> f.endsWith(end)), "and their end: " + claimed);
    }
  }

  @Test
  public void aClusterWithoutCoresIsOneLineAndNoTestRuns() throws Exception {
    Path log = dir.resolve("nocores.log");
    String[] run = run("nocores", log, "mproc.TestNG", "-mproc.cluster", server.url("it-nocores"));
    assertEquals(run[0], "1", run[1]);
    assertEquals(run[1].trim(), "mproc.cluster is set but mproc.cores is not: give every host of the run -Dmproc.cores=auto (or a"
        + " number), or -cores auto to mproc.TestNG");
    assertFalse(Files.exists(log), "no test ran");
  }

  @Test
  public void anUnreachableRedisIsOneLineAndNoTestRuns() throws Exception {
    Path log = dir.resolve("unreachable.log");
    String[] run = run("unreachable", log, "mproc.TestNG", "-cores", "2", "-mproc.cluster", "redis://ci:s3cret@127.0.0.1:1/it-two",
        "-mproc.dir", dir.resolve("runs").toString());
    assertEquals(run[0], "1", run[1]);
    assertTrue(run[1].trim().matches("mproc: cannot reach Redis at redis://ci:\\*\\*\\*@127\\.0\\.0\\.1:1/it-two: [^\\n]*"), run[1]);
    assertFalse(run[1].contains("s3cret"), run[1]);
    assertFalse(Files.exists(log), "no test ran");
  }
}
