package mproc.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import mproc.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.Assert;
import org.testng.IExecutionListener;
import org.testng.Reporter;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Makes the two CDS archives of {@link ClassDataSharing}: runs a small suite through
 * {@code mproc.TestNG -cores 2} in a JVM that writes the parent's archive at exit, whose one worker
 * writes the worker's archive at exit. A real run, so that each archive holds what that JVM loads on
 * its way to its first test (TestNG's XML parser and reporters, our planner, our session: the parent
 * runs one too, as in any run of two or more cores), with no
 * list of classes to keep up to date. The archives are written under temporary names, checked by a
 * JVM that must map them, and only then renamed into place: a truncated archive makes the JVM that
 * maps it abort, even with {@code -Xshare:auto}.
 *
 * <p>{@code CdsTraining <lock file> <lock token> <parent archive> <worker archive> <class path of jars>}
 */
public final class CdsTraining {
  /**
   * The longest a training may take, all of it (it takes a few seconds); then it is stopped, with no
   * archive. A lock older than twice this is taken over.
   */
  static final int LIMIT_SECONDS = 60;

  private CdsTraining() {}

  /** The suite the training runs: the configuration, data-provider and reporting paths a real suite takes. */
  public static class Warm {
    @BeforeClass
    public void beforeClass() {
      RedisCommands.touch(); // in the JVM that runs the tests: the worker
    }

    @BeforeMethod
    public void beforeMethod() {}

    @Test
    public void plain() {
      Reporter.log("warm");
    }

    @DataProvider
    public Object[][] rows() {
      return new Object[][] {{1}, {2}};
    }

    @Test(dataProvider = "rows")
    public void withRows(int row) {
      Assert.assertTrue(row > 0);
    }

    @Test(expectedExceptions = IllegalStateException.class)
    public void throwing() {
      throw new IllegalStateException("expected");
    }

    /**
     * Holds this JVM's session until a test has started in the other JVM: the parent runs tests
     * too, and would otherwise run both classes before the worker is ready, leaving the worker's
     * archive without its session's classes.
     */
    @Test
    public void meetTheOtherJvm() throws Exception {
      Meeting.attend();
    }
  }

  /** The same tests in a second class, so that the parent and the worker each get one. */
  public static class WarmAgain extends Warm {}

  /** Where the training's two JVMs meet: a file per JVM in the training's working directory. */
  static final class Meeting {
    /** The longest a JVM waits; once only, so that a JVM that got both classes is not held twice. */
    private static final long WAIT_MILLIS = 10_000;
    private static boolean attended;

    private Meeting() {}

    static synchronized void attend() throws Exception {
      if (attended) {
        return;
      }
      attended = true;
      Path here = Path.of("").toAbsolutePath();
      String mine = "met-" + ProcessHandle.current().pid();
      Files.createFile(here.resolve(mine));
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_MILLIS);
      while (System.nanoTime() < deadline && !othersCame(here, mine)) {
        Thread.sleep(10);
      }
    }

    private static boolean othersCame(Path dir, String mine) throws IOException {
      try (Stream<Path> files = Files.list(dir)) {
        return files.map(f -> f.getFileName().toString()).anyMatch(n -> n.startsWith("met-") && !n.equals(mine));
      }
    }
  }

  /**
   * In the training's parent (as its execution starts) and worker (before {@link Warm}'s tests): with
   * the Redis transport on the class path (a cluster's build), takes it through its commands, so that
   * the archives hold what a cluster run's JVMs load.
   */
  public static class RedisCommands implements IExecutionListener {
    private static final Logger LOG = LoggerFactory.getLogger(RedisCommands.class);

    @Override
    public void onExecutionStart() {
      touch();
    }

    /** Also from the worker's sessions ({@link Warm}), which do not start an execution of their own. */
    static void touch() {
      Class<?> training;
      try {
        training = Class.forName("mproc.transport.redis.RedisTraining");
      } catch (ClassNotFoundException e) {
        return; // no cluster in this build
      }
      try {
        training.getMethod("touchEveryCommand").invoke(null);
      } catch (ReflectiveOperationException e) {
        // the archives are only without those classes: a cluster run loads them from the jars
        LOG.debug("the Redis transport's commands were not trained", e);
      }
    }
  }

  public static void main(String[] args) throws Exception {
    Path lock = Path.of(args[0]);
    String token = args[1];
    try {
      Path work = Files.createTempDirectory("mproc-cds-training");
      // The training's JVMs run in work, and Chronicle (OS.TARGET) makes java.io.tmpdir/target,
      // left behind, when no target or build directory is found from the working directory up.
      Files.createDirectory(work.resolve("target"));
      try {
        train(Path.of(args[2]), Path.of(args[3]), args[4], work, token);
      } finally {
        deleteRecursively(work);
      }
    } finally {
      if (Files.exists(lock) && token.equals(Files.readString(lock))) {
        Files.delete(lock);
      }
    }
  }

  private static void train(Path parentArchive, Path workerArchive, String jars, Path work, String token) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(LIMIT_SECONDS);
    Path parentPart = partial(parentArchive, token);
    Path workerPart = partial(workerArchive, token);
    try {
      removeDeadTrainingsParts(parentArchive);
      Path suite = work.resolve("training.xml");
      Files.writeString(suite, """
          <!DOCTYPE suite SYSTEM "https://testng.org/testng-1.0.dtd">
          <suite name="mproc-cds-training">
            <listeners><listener class-name="%s"/></listeners>
            <test name="training">
              <classes><class name="%s"/><class name="%s"/></classes>
            </test>
          </suite>
          """.formatted(RedisCommands.class.getName(), Warm.class.getName(), WarmAgain.class.getName()));
      List<String> command = WorkerCommand.javaWithChronicleFlags();
      command.addAll(WorkerCommand.JIT_OPTIONS);
      command.addAll(List.of("-XX:ArchiveClassesAtExit=" + parentPart, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
      command.add("-D" + ClassDataSharing.TRAINING_WORKER_ARCHIVE + "=" + workerPart);
      // Settings a user may have put in JAVA_TOOL_OPTIONS must not reach the training (the command line wins).
      command.add("-D" + Settings.DIR + "=" + work);
      command.add("-D" + Settings.DURATIONS + "=" + work.resolve("durations.txt"));
      command.add("-D" + Settings.CDS + "=true");
      command.add("-D" + Settings.DISABLE + "=false");
      command.add("-D" + Settings.JVM_ARGS + "=");
      command.add("-D" + Settings.FIXTURES + "=");
      command.add("-D" + Settings.TIMEOUT + "=");
      command.add("-D" + Settings.MAX_WORKER_RESTARTS + "=");
      command.addAll(List.of("-cp", jars, mproc.TestNG.class.getName()));
      // Two cores: the parent runs a session too, as it does in any run of two or more.
      command.addAll(List.of("-cores", "2", "-d", work.resolve("out").toString(), suite.toString()));
      Process parent = new ProcessBuilder(command).directory(work.toFile()).inheritIO().start();
      if (!parent.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
        parent.descendants().forEach(ProcessHandle::destroyForcibly);
        parent.destroyForcibly();
        parent.waitFor();
        System.out.println("training took longer than " + LIMIT_SECONDS + " s: no archives");
      } else if (parent.exitValue() != 0 || !Files.isRegularFile(parentPart) || !Files.isRegularFile(workerPart)) {
        System.out.println("training ended with exit code " + parent.exitValue() + ": no archives");
      } else if (!maps(parentPart, jars, deadline) || !maps(workerPart, jars, deadline)) {
        System.out.println("a JVM could not map the archives the training wrote: no archives");
      } else {
        // On disk before the names make them trusted: a machine or container stopped right after a
        // rename must not leave a name pointing at bytes the page cache never wrote (a torn archive
        // aborts the JVM that maps it). The parent's first: a class path counts as trained once both are there.
        flush(parentPart);
        flush(workerPart);
        Files.move(parentPart, parentArchive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.move(workerPart, workerArchive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(parentPart);
      Files.deleteIfExists(workerPart);
    }
  }

  /** Whether a JVM with this class path can map the archive ({@code -Xshare:on} fails if not). */
  private static boolean maps(Path archive, String jars, long deadline) throws Exception {
    List<String> command = WorkerCommand.javaWithChronicleFlags();
    command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    command.addAll(List.of("-cp", jars, "-version"));
    Process check = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    if (!check.waitFor(remaining(deadline), TimeUnit.NANOSECONDS)) {
      check.destroyForcibly();
      return false;
    }
    return check.exitValue() == 0;
  }

  private static long remaining(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  /** This training's file for an archive being written: its token in the name, so no other training touches it. */
  private static void flush(Path file) throws IOException {
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  static Path partial(Path archive, String token) {
    return archive.resolveSibling(archive.getFileName() + "." + token + ".part");
  }

  /**
   * Partial archives of this class path left by a training that died. This one holds the lock, and
   * a lock is taken over only after any training would have ended, so none of them is being written.
   */
  private static void removeDeadTrainingsParts(Path archive) throws IOException {
    String name = archive.getFileName().toString();
    String key = name.substring(0, name.indexOf('.') + 1);
    try (Stream<Path> files = Files.list(archive.getParent())) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        if (n.startsWith(key) && n.endsWith(".part")) {
          Files.deleteIfExists(f);
        }
      }
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
