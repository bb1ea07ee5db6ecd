package mproc.transport.redis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One host of a cluster run, simulated: a process tree of its own ({@code mproc.TestNG} and its
 * workers) with its own working, temporary and run directories, sharing nothing with the other
 * hosts but Redis. Each of its tests notes what ran in its own {@code it.log}.
 */
final class SimulatedHost {
  final String name;
  final Path dir;
  final Path log;
  private final Process process;
  /** When its process exited (System.nanoTime). */
  private final java.util.concurrent.CompletableFuture<Long> exitedNanos;

  private SimulatedHost(String name, Path dir, Process process) {
    this.name = name;
    this.dir = dir;
    this.log = dir.resolve("it.log");
    this.process = process;
    this.exitedNanos = process.onExit().thenApply(p -> System.nanoTime());
  }

  /** Starts {@code mproc.TestNG args... suite} (or {@code main}, when {@code args} starts with a class name) as host {@code name}. */
  static SimulatedHost start(Path root, String name, Path suite, List<String> extraClassPath, String main, String... args)
      throws IOException {
    return start(root, name, suite, extraClassPath, List.of(), main, args);
  }

  /** As above, with system properties ({@code -Dname=value}) for the host's JVM, which its workers inherit. */
  static SimulatedHost start(Path root, String name, Path suite, List<String> extraClassPath, List<String> properties, String main,
      String... args) throws IOException {
    return start(root, name, suite, extraClassPath, properties, List.of(), main, args);
  }

  /** As above, the command run through {@code prefix} ({@code ip netns exec NS}: a network of its own). */
  static SimulatedHost start(Path root, String name, Path suite, List<String> extraClassPath, List<String> properties,
      List<String> prefix, String main, String... args) throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    List<String> classPath = new ArrayList<>(List.of(System.getProperty("java.class.path")));
    classPath.addAll(extraClassPath);
    List<String> command = new ArrayList<>(prefix);
    command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Dit.log=" + dir.resolve("it.log"), "-Djava.io.tmpdir=" + tmp));
    command.addAll(properties);
    command.addAll(List.of("-cp", String.join(java.io.File.pathSeparator, classPath), main));
    command.addAll(List.of(args));
    command.addAll(List.of("-d", dir.resolve("out").toString(), suite.toString()));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("output.txt").toFile()).start();
    return new SimulatedHost(name, dir, p);
  }

  /** Its exit code, once it has exited (within {@code seconds}, or the test fails with its output). */
  int awaitExit(long seconds) throws Exception {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      killTree();
      throw new AssertionError(name + " did not exit within " + seconds + " s; its output:\n" + output());
    }
    return process.exitValue();
  }

  /** When it exited (System.nanoTime), once {@link #awaitExit} has returned. */
  long exitedNanos() throws Exception {
    return exitedNanos.get(10, TimeUnit.SECONDS);
  }

  String output() throws IOException {
    return Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8);
  }

  /** The tests its JVMs started, one line each ({@code Class.method pid}). */
  List<String> ran() throws IOException {
    return Files.exists(log) ? Files.readAllLines(log) : List.of();
  }

  /** Waits until it has started {@code n} tests. */
  void awaitRan(int n, long seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (ran().size() < n) {
      if (System.nanoTime() > deadline || !process.isAlive()) {
        throw new AssertionError(name + " started " + ran().size() + " tests, not " + n + "; its output:\n" + output());
      }
      Thread.sleep(20);
    }
  }

  /** As {@code kill -9} of its process tree. */
  void killTree() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  /** As Ctrl-C in its terminal: SIGTERM to {@code mproc.TestNG} and the JVM it restarted (not to their workers). */
  void terminate() {
    process.descendants()
        .filter(p -> p.info().arguments().map(a -> List.of(a).contains("mproc.TestNG")).orElse(false))
        .forEach(ProcessHandle::destroy);
    process.destroy();
  }

  /** Whether its temporary directory holds a run directory (one is left behind). */
  boolean leftARunDirectory() throws IOException {
    try (var dirs = Files.newDirectoryStream(dir.resolve("tmp"), "mproc-run-*")) {
      return dirs.iterator().hasNext();
    }
  }

  boolean alive() {
    return process.isAlive();
  }
}
