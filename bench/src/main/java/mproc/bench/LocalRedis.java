package mproc.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A redis-server on a free loopback port for the cluster configurations, started on first use and stopped at exit. */
final class LocalRedis {
  private static int port;

  private LocalRedis() {}

  static synchronized String url(String run) {
    return "redis://127.0.0.1:" + port() + "/" + run;
  }

  static synchronized int port() {
    if (port == 0) {
      start();
    }
    return port;
  }

  /** At the harness's exit: the server stops and its directory goes. */
  private static void stop(Process redis, Path dir) {
    redis.destroy();
    try {
      redis.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      try (var files = Files.walk(dir)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException e) {
      System.err.println("bench: could not remove " + dir + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void start() {
    try {
      Path dir = Files.createTempDirectory("mproc-bench-redis");
      try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        port = s.getLocalPort();
      }
      Process redis = new ProcessBuilder(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1", "--save", "",
          "--appendonly", "no", "--dir", dir.toString())).redirectErrorStream(true).redirectOutput(dir.resolve("redis.log").toFile()).start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(redis, dir)));
      for (int i = 0; i < 100; i++) {
        Process ping = new ProcessBuilder("redis-cli", "-p", String.valueOf(port), "ping").start();
        if (ping.waitFor() == 0 && new String(ping.getInputStream().readAllBytes()).contains("PONG")) {
          return;
        }
        Thread.sleep(50);
      }
      throw new IllegalStateException("redis-server did not answer on port " + port);
    } catch (IOException e) {
      throw new IllegalStateException("the cluster configurations need redis-server and redis-cli (apt-get install redis-server)", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
