package mproc.transport.redis;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.Jedis;

/**
 * A real {@code redis-server} on a free loopback port, in a temporary directory of its own, for a
 * test class; stopped and removed by {@link #close}. A machine without redis-server fails the test
 * with how to get it ({@code .ci/run} installs it): it never skips.
 */
final class RedisServer implements AutoCloseable {
  final int port;
  private final Process process;
  private final Path dir;

  private RedisServer(int port, Process process, Path dir) {
    this.port = port;
    this.process = process;
    this.dir = dir;
  }

  static RedisServer start() throws Exception {
    return start("127.0.0.1");
  }

  /** Listening on these addresses (space-separated), loopback's first. */
  static RedisServer start(String bind) throws Exception {
    Path dir = Files.createTempDirectory("mproc-redis");
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Process process;
    try {
      List<String> command = new java.util.ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind"));
      command.addAll(List.of(bind.split(" ")));
      command.addAll(List.of("--protected-mode", "no", "--save", "", "--appendonly", "no", "--dir", dir.toString()));
      process = new ProcessBuilder(command)
          .redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
    } catch (IOException e) {
      throw new AssertionError("these tests need redis-server on the PATH (Debian: apt-get install redis-server): " + e.getMessage());
    }
    RedisServer server = new RedisServer(port, process, dir);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      try (Jedis redis = new Jedis("127.0.0.1", port)) {
        redis.ping();
        return server;
      } catch (RuntimeException e) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          server.close();
          throw new AssertionError("redis-server did not answer on port " + port + ": " + Files.readString(dir.resolve("redis.log")));
        }
        Thread.sleep(20);
      }
    }
  }

  String url(String name) {
    return url("127.0.0.1", name);
  }

  String url(String address, String name) {
    return "redis://" + address + ":" + port + "/" + name;
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
    delete(dir);
  }

  /** Removes a test's directory and all in it. */
  static void delete(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
