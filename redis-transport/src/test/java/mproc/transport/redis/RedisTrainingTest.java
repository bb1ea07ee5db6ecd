package mproc.transport.redis;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import mproc.launch.WorkerCommand;
import org.testng.annotations.Test;

/** The class-data sharing training's walk through the Redis transport, against its stand-in. */
public class RedisTrainingTest {
  @Test(timeOut = 30_000)
  public void everyCommandIsAnsweredAndTheStandInLeavesNoThread() throws Exception {
    RedisTraining.touchEveryCommand(); // a command the stand-in answered with the wrong shape would throw here
    long deadline = System.nanoTime() + 5_000_000_000L;
    List<String> left;
    do {
      left = Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.startsWith("mproc-redis-training")).toList();
    } while (!left.isEmpty() && System.nanoTime() < deadline && sleep());
    assertEquals(left, List.of(), "the stand-in's threads end with the training");
  }

  /** A real training (testng-mproc's CdsTraining) on a class path with this module: both archives hold its and Jedis's classes. */
  @Test(timeOut = 180_000)
  public void aTrainingWithTheRedisTransportArchivesItsClassesForTheParentAndTheWorker() throws Exception {
    Path dir = Files.createTempDirectory("mproc-redis-cds");
    try {
      List<String> jars = new ArrayList<>(); // an archive holds classes from jars only
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        Path p = Path.of(entry);
        if (Files.isDirectory(p)) {
          jars.add(jarOf(p, dir.resolve("directory" + jars.size() + ".jar")).toString());
        } else if (entry.endsWith(".jar")) {
          jars.add(entry);
        }
      }
      String classPath = String.join(File.pathSeparator, jars);
      Path parent = dir.resolve("trained.parent.jsa");
      Path worker = dir.resolve("trained.worker.jsa");
      Path lock = dir.resolve("trained.lock");
      Files.writeString(lock, "token");
      List<String> command = new ArrayList<>(WorkerCommand.javaWithChronicleFlags());
      command.addAll(List.of("-cp", classPath, "mproc.launch.CdsTraining", lock.toString(), "token", parent.toString(), worker.toString(), classPath));
      Process training = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(training.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertEquals(training.waitFor(), 0, output);
      for (Path archive : List.of(parent, worker)) {
        assertTrue(Files.isRegularFile(archive), "no " + archive.getFileName() + "; the training said:\n" + output);
        String loaded = loadedWith(archive, classPath, "redis.clients.jedis.Jedis", "mproc.transport.redis.RedisClaimTable");
        assertTrue(loaded.contains("redis.clients.jedis.Jedis source: shared objects file"), archive.getFileName() + ":\n" + loaded);
        assertTrue(loaded.contains("mproc.transport.redis.RedisClaimTable source: shared objects file"), archive.getFileName() + ":\n" + loaded);
      }
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** Loads these classes (see {@link #main}) in a JVM that must map the archive, and returns its class-load log. */
  private static String loadedWith(Path archive, String classPath, String... classes) throws Exception {
    List<String> command = new ArrayList<>(WorkerCommand.javaWithChronicleFlags());
    command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-Xlog:class+load=info",
        "-cp", classPath, RedisTrainingTest.class.getName()));
    command.addAll(List.of(classes));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(p.waitFor(), 0, output);
    return output;
  }

  /** The probe of {@link #loadedWith}: loads each class named, without initializing it. */
  public static void main(String[] args) throws ClassNotFoundException {
    for (String name : args) {
      Class.forName(name, false, RedisTrainingTest.class.getClassLoader());
    }
  }

  private static Path jarOf(Path classes, Path jar) throws Exception {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }

  private static boolean sleep() throws InterruptedException {
    Thread.sleep(20);
    return true;
  }
}
