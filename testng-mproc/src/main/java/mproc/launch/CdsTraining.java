package mproc.launch;

import java.nio.file.Files;
import java.nio.file.Path;
import mproc.transport.Channel;
import mproc.transport.ClaimTable;
import mproc.transport.Message.EndOfWork;
import mproc.transport.RunDirectory;
import org.testng.TestNG;
import org.testng.annotations.Test;

/**
 * The training run behind a worker CDS archive ({@link ClassDataSharing}): does what a worker does
 * before its first test (open the queues, claim, run TestNG once), then exits, and the JVM writes
 * the classes it loaded to the archive. {@code CdsTraining <lock file>}.
 */
public final class CdsTraining {
  private CdsTraining() {}

  /** A test for TestNG to run once, so that its run path is loaded. */
  public static class Warm {
    @Test
    public void warm() {}
  }

  public static void main(String[] args) throws Exception {
    mproc.reporting.QuietLogging.apply();
    Path base = Files.createTempDirectory("mproc-cds-training");
    try (RunDirectory run = RunDirectory.create(base);
        Channel work = Channel.open(run.workChannel());
        Channel reader = Channel.open(run.workChannel());
        ClaimTable claims = ClaimTable.open(run.claimFile())) {
      work.send(new EndOfWork());
      reader.poll();
      claims.claim(0, 1);
      TestNG testng = new TestNG(false);
      testng.setVerbose(0);
      testng.setTestClasses(new Class<?>[] {Warm.class});
      testng.setOutputDirectory(run.path().resolve("out").toString()); // removed with the run directory
      testng.run();
    } finally {
      Files.deleteIfExists(base);
      Files.deleteIfExists(Path.of(args[0]));
    }
  }
}
