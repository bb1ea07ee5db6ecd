package mproc.transport;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.testng.annotations.Test;

public class RunDirectoryTest {
  @Test
  public void tooLittleFreeSpaceIsRefusedWithWhatToDo() {
    IllegalStateException e =
        expectThrows(IllegalStateException.class, () -> RunDirectory.checkFreeSpace(Path.of("/q"), 10L << 20));
    assertEquals(e.getMessage(), "only 10 MiB free in /q; the queues need 256 MiB: free some space or point mproc.dir at another directory");
    RunDirectory.checkFreeSpace(Path.of("/q"), RunDirectory.MIN_FREE_BYTES);
  }

  @Test
  public void aRunDirectoryIsPrivateAndADeadRunsIsRemovedByTheNextRun() throws Exception {
    Path base = TempDirs.directory("runs");
    Path dead = Files.createDirectory(base.resolve(RunDirectory.PREFIX + "dead"));
    Files.writeString(dead.resolve("owner"), "2147483646 2000-01-01T00:00:00Z"); // no such process
    Path foreign = Files.createDirectory(base.resolve(RunDirectory.PREFIX + "foreign")); // no owner file: left alone
    try (RunDirectory run = RunDirectory.create(base)) {
      assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(run.path())), "rwx------");
      assertFalse(Files.exists(dead), "the dead run's directory is gone");
      assertTrue(Files.exists(foreign));
      assertTrue(Files.exists(run.path().resolve("owner")));
    }
  }
}
