package mproc.planning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measured test durations, by method key (class.method), in milliseconds: read from the file that
 * earlier runs wrote, so that the planner can dispatch the longest units first; updated with this
 * run's results and written back.
 *
 * <p>The file is plain text: a comment, {@code # run N} (how many writes the file has had), then one
 * {@code millis<TAB>run<TAB>class.method} per test, {@code run} being the write that last measured it.
 * A file of the former format, {@code millis<TAB>class.method} per line, is read as measured before
 * every run counted here.
 *
 * <p>A write merges: it re-reads the file (another run may have written it since), keeps every test
 * this run did not measure, and gives each measured one the mean of the value it held and this run's
 * measurement, {@code new = (old + measured) / 2} (an exponentially weighted mean: one run on a busy
 * machine moves a test halfway, and the measurement of {@code k} runs ago weighs 2<sup>-k</sup>). It
 * keeps at most {@link #MAX_ENTRIES} tests, dropping those least recently measured. It holds a lock
 * on {@code <file>.lock} (a {@link FileChannel#lock}, so two JVMs writing at once take turns and
 * neither loses the other's tests) and replaces the file by an atomic rename of a complete temporary
 * file, so that a reader, or the next run after one killed while writing, always finds a whole file.
 */
public final class Durations {
  /** The most tests a file keeps; past it, those measured least recently are dropped. */
  public static final int MAX_ENTRIES = 50_000;

  /** Writes in this JVM take turns here: a file lock is held per JVM, not per thread. */
  private static final Object WRITING = new Object();

  private final Map<String, Long> known;
  /** The file's write count when it was read, and the write that last measured each key. */
  private final long run;
  private final Map<String, Long> measuredIn;
  private final Map<String, Long> measured = new HashMap<>();

  private Durations(Map<String, Long> known, long run, Map<String, Long> measuredIn) {
    this.known = known;
    this.run = run;
    this.measuredIn = measuredIn;
  }

  public static Durations none() {
    return new Durations(Map.of(), 0, Map.of());
  }

  /** Reads the file; a missing or unreadable file means nothing is known (no error: it is a hint). */
  public static Durations read(Path file) {
    Map<String, Long> known = new HashMap<>();
    Map<String, Long> measuredIn = new HashMap<>();
    Stored stored = load(file);
    stored.entries.forEach((key, entry) -> {
      known.put(key, entry.millis);
      measuredIn.put(key, entry.run);
    });
    return new Durations(known, stored.run, measuredIn);
  }

  /**
   * Keeps a value this run observed that is not a test's duration (its key starts with {@value #OBSERVATION}),
   * written and smoothed as durations are.
   */
  public synchronized void observe(String key, long value) {
    if (!key.startsWith(OBSERVATION)) {
      throw new IllegalArgumentException("an observation's key starts with " + OBSERVATION + ": " + key);
    }
    measured.put(key, Math.max(0, value));
  }

  /** What marks a key as an observation of a run rather than a test method. */
  public static final String OBSERVATION = "@";

  /** The value earlier runs kept for this key, or -1. */
  public long known(String key) {
    return known.getOrDefault(key, -1L);
  }

  /** The names of the observations earlier runs kept under this key prefix ({@code @what }), without it. */
  public java.util.Set<String> observed(String prefix) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    known.keySet().stream().filter(k -> k.startsWith(prefix)).forEach(k -> names.add(k.substring(prefix.length())));
    return names;
  }

  /** How many writes of the file ago this key was last measured (a large number if never). */
  public long runsSince(String key) {
    Long measuredRun = measuredIn.get(key);
    return measuredRun == null ? Long.MAX_VALUE : run - measuredRun;
  }

  /** A test's smoothed duration and the write ({@code # run N}) that last measured it (0: before any counted). */
  record Entry(long millis, long run) {}

  /** What a file holds: its run counter and its tests. */
  record Stored(long run, Map<String, Entry> entries) {}

  /** The file's contents; missing, unreadable or damaged parts count as unknown. */
  static Stored load(Path file) {
    Map<String, Entry> entries = new HashMap<>();
    long run = 0;
    if (file != null && Files.isRegularFile(file)) {
      try {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
          if (line.startsWith("# run ")) {
            run = parse(line.substring("# run ".length()), run);
            continue;
          }
          int tab = line.indexOf('\t');
          if (tab <= 0 || line.startsWith("#")) {
            continue;
          }
          int second = line.indexOf('\t', tab + 1);
          try {
            long millis = Long.parseLong(line.substring(0, tab));
            if (second < 0) { // the former format: millis TAB key
              entries.put(line.substring(tab + 1), new Entry(millis, 0));
            } else {
              entries.put(line.substring(second + 1), new Entry(millis, Long.parseLong(line.substring(tab + 1, second))));
            }
          } catch (NumberFormatException e) {
            // a damaged line: that test counts as unknown
          }
        }
      } catch (IOException | UncheckedIOException e) {
        // unreadable (or not text): everything counts as unknown
      }
    }
    return new Stored(run, entries);
  }

  private static long parse(String number, long otherwise) {
    try {
      return Long.parseLong(number.trim());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  /** The file's next value for a test that held {@code old} (null: unknown) and took {@code measured} in this run. */
  static long smoothed(Long old, long measured) {
    return old == null ? measured : Math.round((old + measured) / 2.0);
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
    long tests = known.entrySet().stream().filter(e -> !e.getKey().startsWith(OBSERVATION)).mapToLong(Map.Entry::getValue).sum();
    return !known.isEmpty() && tests < millis;
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
   * Merges this run's measurements into the file as it is now (another run may have written it since
   * it was read): see the class comment. Each measurement is written once; nothing measured, nothing
   * written.
   */
  public void write(Path file) {
    write(file, MAX_ENTRIES);
  }

  synchronized void write(Path file, int maxEntries) {
    if (measured.isEmpty()) {
      return;
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      synchronized (WRITING) {
        try (FileChannel lockFile = FileChannel.open(lockFile(file), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = lockOrNull(lockFile)) {
          if (lock != null) {
            removeLeftovers(file); // with the lock held, no other writer's temporary file is in use
          }
          replace(file, merged(load(file), maxEntries));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the durations file " + file, e);
    }
    measured.clear();
  }

  /** The lock, or null where the file system has none (then the write is still atomic, only not serialised). */
  private static FileLock lockOrNull(FileChannel channel) {
    try {
      return channel.lock();
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  static Path lockFile(Path file) {
    return file.resolveSibling(file.getFileName() + ".lock");
  }

  private String merged(Stored stored, int maxEntries) {
    long run = stored.run + 1;
    Map<String, Entry> all = new HashMap<>(stored.entries);
    measured.forEach((key, millis) -> {
      Entry old = all.get(key);
      all.put(key, new Entry(smoothed(old == null ? null : old.millis, millis), run));
    });
    if (all.size() > maxEntries) { // the least recently measured go first
      List<String> keys = new ArrayList<>(all.keySet());
      keys.sort(Comparator.<String>comparingLong(k -> all.get(k).run).reversed().thenComparing(Comparator.naturalOrder()));
      keys.subList(maxEntries, keys.size()).forEach(all::remove);
    }
    StringBuilder text = new StringBuilder()
        .append("# testng-mproc: measured test durations (millis, mean of the last measurement and the value before, 1:1),")
        .append(" the run that last measured the test, class.method\n")
        .append("# run ").append(run).append('\n');
    new TreeMap<>(all).forEach((key, e) -> text.append(e.millis).append('\t').append(e.run).append('\t').append(key).append('\n'));
    return text.toString();
  }

  /** Writes a complete temporary file beside {@code file}, to disk, then renames it over {@code file} in one step. */
  private static void replace(Path file, String text) throws IOException {
    Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName() + ".", ".tmp");
    try {
      try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) {
          out.write(bytes);
        }
        out.force(true);
      }
      try {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Temporary files of writers killed before their rename. */
  private static void removeLeftovers(Path file) {
    Path dir = file.toAbsolutePath().getParent();
    try (DirectoryStream<Path> tmps = Files.newDirectoryStream(dir, file.getFileName() + ".*.tmp")) {
      for (Path tmp : tmps) {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException | RuntimeException e) {
      // left for the next writer
    }
  }
}
