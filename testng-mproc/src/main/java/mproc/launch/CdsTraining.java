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
import org.testng.Assert;
import org.testng.Reporter;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * Makes the two CDS archives of {@link ClassDataSharing}: runs a small suite through
 * {@code mproc.TestNG -cores 1} in a JVM that writes the parent's archive at exit, whose one worker
 * writes the worker's archive at exit. A real run, so that each archive holds what that JVM loads on
 * its way to the first test (TestNG's XML parser and reporters, our planner or our session), with no
 * list of classes to keep up to date. The archives are written under temporary names and renamed
 * once both are complete, so that no JVM ever maps half an archive.
 *
 * <p>{@code CdsTraining <lock file> <parent archive> <worker archive> <class path of jars>}
 */
public final class CdsTraining {
  private static final long TRAINING_LIMIT_SECONDS = 120;

  private CdsTraining() {}

  /** The suite the training runs: the configuration, data-provider and reporting paths a real suite takes. */
  public static class Warm {
    @BeforeClass
    public void beforeClass() {}

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
  }

  public static void main(String[] args) throws Exception {
    Path lock = Path.of(args[0]);
    Path parentArchive = Path.of(args[1]);
    Path workerArchive = Path.of(args[2]);
    Path work = Files.createTempDirectory("mproc-cds-training");
    try {
      Path parentPart = partial(parentArchive);
      Path workerPart = partial(workerArchive);
      Files.deleteIfExists(parentPart);
      Files.deleteIfExists(workerPart);
      Path suite = work.resolve("training.xml");
      Files.writeString(suite, """
          <!DOCTYPE suite SYSTEM "https://testng.org/testng-1.0.dtd">
          <suite name="mproc-cds-training">
            <test name="training">
              <classes><class name="%s"/></classes>
            </test>
          </suite>
          """.formatted(Warm.class.getName()));
      List<String> command = WorkerCommand.javaWithChronicleFlags();
      command.addAll(WorkerCommand.JIT_OPTIONS);
      command.addAll(List.of("-XX:ArchiveClassesAtExit=" + parentPart, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
      command.add("-D" + ClassDataSharing.TRAINING_WORKER_ARCHIVE + "=" + workerPart);
      command.add("-D" + Settings.DIR + "=" + work);
      command.addAll(List.of("-cp", args[3], mproc.TestNG.class.getName()));
      command.addAll(List.of("-cores", "1", "-d", work.resolve("out").toString(), suite.toString()));
      Process parent = new ProcessBuilder(command).directory(work.toFile()).inheritIO().start();
      if (!parent.waitFor(TRAINING_LIMIT_SECONDS, TimeUnit.SECONDS)) {
        parent.destroyForcibly();
        System.out.println("training took longer than " + TRAINING_LIMIT_SECONDS + " s: no archive");
      } else if (parent.exitValue() != 0 || !Files.isRegularFile(parentPart) || !Files.isRegularFile(workerPart)) {
        System.out.println("training ended with exit code " + parent.exitValue() + ": no archive");
      } else {
        Files.move(workerPart, workerArchive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Files.move(parentPart, parentArchive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      }
      Files.deleteIfExists(parentPart);
      Files.deleteIfExists(workerPart);
    } finally {
      deleteRecursively(work);
      Files.deleteIfExists(lock);
    }
  }

  static Path partial(Path archive) {
    return archive.resolveSibling(archive.getFileName() + ".part");
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
