package mproc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Temporary files and directories for tests, removed (with all they hold) when the test JVM exits;
 * before that, the processes tests started that are still alive (a test that failed before it
 * stopped its parent JVM) are killed with their workers, so that nothing outlives the test JVM or
 * writes into a removed directory (an orphaned parent then waited forever on a deleted queue).
 */
public final class TempDirs {
  private static final List<Path> MADE = new ArrayList<>();
  private static final List<Process> STARTED = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(TempDirs::removeAll, "temp-dirs-cleanup"));
  }

  private TempDirs() {}

  public static Path directory(String prefix) throws IOException {
    return remember(Files.createTempDirectory(prefix));
  }

  public static Path file(String prefix, String suffix) throws IOException {
    return remember(Files.createTempFile(prefix, suffix));
  }

  private static synchronized Path remember(Path path) {
    MADE.add(path);
    return path;
  }

  /** A process to kill, with its descendants, when the test JVM exits, if it is still alive then. */
  public static synchronized Process killOnExit(Process process) {
    STARTED.add(process);
    return process;
  }

  private static synchronized void removeAll() {
    for (Process p : STARTED) {
      if (p.isAlive()) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
      }
    }
    for (Process p : STARTED) {
      try {
        p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    for (Path path : MADE) {
      if (!Files.exists(path)) {
        continue;
      }
      try (Stream<Path> all = Files.walk(path)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> {
          try {
            Files.deleteIfExists(p);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
      } catch (IOException | UncheckedIOException e) {
        System.err.println("cannot remove " + path + ": " + e); // a test JVM's exit: nowhere else to say it
      }
    }
  }
}
