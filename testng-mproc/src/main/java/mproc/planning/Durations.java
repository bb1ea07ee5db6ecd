package mproc.planning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measured test durations, by method key (class.method), in milliseconds: read from the file of
 * the previous run, so that the planner can dispatch the longest units first; updated with this
 * run's results and written back. A plain text file, one {@code millis<TAB>class.method} per line.
 */
public final class Durations {
  private final Map<String, Long> known;
  private final Map<String, Long> measured = new HashMap<>();

  private Durations(Map<String, Long> known) {
    this.known = known;
  }

  public static Durations none() {
    return new Durations(Map.of());
  }

  /** Reads the file; a missing or unreadable file means nothing is known (no error: it is a hint). */
  public static Durations read(Path file) {
    Map<String, Long> known = new HashMap<>();
    if (file != null && Files.isRegularFile(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          int tab = line.indexOf('\t');
          if (tab > 0) {
            try {
              known.put(line.substring(tab + 1), Long.parseLong(line.substring(0, tab)));
            } catch (NumberFormatException e) {
              // a damaged line: that test counts as unknown
            }
          }
        }
      } catch (IOException e) {
        // unreadable: everything counts as unknown
      }
    }
    return new Durations(known);
  }

  /** {@link #write}, with a failure told in one line: the file is a hint, the run goes on without it. */
  public void writeOrWarn(Path file, java.io.PrintStream err) {
    try {
      write(file);
    } catch (UncheckedIOException e) {
      err.println("mproc: " + e.getMessage() + " (" + e.getCause() + "); the next run plans without this run's durations");
    }
  }

  /** The expected time of these method keys: the known ones' sum, the median for the unknown ones. */
  long expected(Collection<String> keys, long median) {
    long total = 0;
    for (String key : keys) {
      total += known.getOrDefault(key, median);
    }
    return total;
  }

  /** The median known duration of these keys (0 if none is known): what an unknown test counts as. */
  long median(Collection<String> keys) {
    List<Long> values = new ArrayList<>();
    for (String key : keys) {
      Long v = known.get(key);
      if (v != null) {
        values.add(v);
      }
    }
    if (values.isEmpty()) {
      return 0;
    }
    Collections.sort(values);
    return values.get(values.size() / 2);
  }

  /** Whether earlier runs measured something, and all of it together took less than {@code millis}. */
  public boolean allKnownTakeLessThan(long millis) {
    return !known.isEmpty() && known.values().stream().mapToLong(Long::longValue).sum() < millis;
  }

  /** The share of these keys whose duration is known, from 0 to 1. */
  public double coverage(Collection<String> keys) {
    if (keys.isEmpty()) {
      return 0;
    }
    return keys.stream().filter(known::containsKey).count() / (double) keys.size();
  }

  /** Adds a result's time to its method's total for this run. */
  public synchronized void record(String key, long millis) {
    measured.merge(key, Math.max(0, millis), Long::sum);
  }

  /**
   * Writes the file as it is now (another part of this run may have written it since it was read),
   * updated with this run's measurements here.
   */
  public synchronized void write(Path file) {
    Map<String, Long> all = new TreeMap<>(Files.isRegularFile(file) ? read(file).known : known);
    all.putAll(measured);
    StringBuilder text = new StringBuilder();
    all.forEach((key, millis) -> text.append(millis).append('\t').append(key).append('\n'));
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path tmp = Files.createTempFile(parent, "mproc-durations", ".tmp");
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the durations file " + file, e);
    }
  }
}
