package mproc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Called by every generated test: the first call in a JVM appends the wall-clock millisecond to the
 * file named by {@code -Dbench.probe}, so the harness learns when the first test of a run started.
 * Workers inherit the property from the parent's command line.
 */
public final class Probe {
  private static volatile boolean seen;

  private Probe() {}

  public static void started() {
    if (seen) {
      return;
    }
    seen = true;
    String file = System.getProperty("bench.probe");
    if (file != null) {
      try {
        Files.write(
            Path.of(file),
            (System.currentTimeMillis() + "\n").getBytes(StandardCharsets.US_ASCII),
            StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
