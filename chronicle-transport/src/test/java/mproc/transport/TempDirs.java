package mproc.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Temporary files and directories for tests, removed (with all they hold) when the test JVM exits. */
public final class TempDirs {
  private static final List<Path> MADE = new ArrayList<>();

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

  private static synchronized void removeAll() {
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
