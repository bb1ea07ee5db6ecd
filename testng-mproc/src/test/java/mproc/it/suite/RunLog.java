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

  /**
   * Waits (at most {@code seconds}, counted from this JVM's first wait) until events starting with
   * {@code prefix} have come from {@code jvms} JVMs: a test that must see its work shared holds its
   * first JVM until the next has taken some, however slowly that one starts.
   */
  public static void awaitJvms(String prefix, int jvms, long seconds) throws InterruptedException {
    String file = System.getProperty("it.log");
    if (file == null) {
      return;
    }
    synchronized (RunLog.class) {
      if (firstWaitNanos == 0) {
        firstWaitNanos = System.nanoTime();
      }
    }
    while (System.nanoTime() - firstWaitNanos < seconds * 1_000_000_000L) {
      try {
        long seen = Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(prefix))
            .map(l -> l.substring(l.lastIndexOf(' ') + 1)).distinct().count();
        if (seen >= jvms) {
          return;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Thread.sleep(20);
    }
  }

  private static long firstWaitNanos;

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
