package mproc.it.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Fixture suites record what ran where: one appended line per event, "event pid". */
public final class RunLog {
  private RunLog() {}

  public static synchronized void record(String event) {
    String file = System.getProperty("it.log");
    if (file == null) {
      return;
    }
    String line = event + " " + ProcessHandle.current().pid() + "\n";
    try {
      Files.write(Path.of(file), line.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
