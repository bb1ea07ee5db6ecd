package mproc.it.suite.spread;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A fault that happens once in the whole run, whichever JVM reaches it first: the marker file {@code -Dspread.marker}. */
final class Marker {
  private Marker() {}

  /** True for the first caller across the run's JVMs, which makes the marker. */
  static boolean first() {
    try {
      Files.createFile(Path.of(System.getProperty("spread.marker")));
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
