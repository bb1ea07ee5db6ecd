package mproc.planning;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import mproc.TempDirs;
import org.testng.annotations.Test;

/** The durations file: merged, smoothed, capped, and always whole, whoever writes it and however a writer ends. */
public class DurationsTest {

  @Test
  public void aRunOfSomeTestsKeepsTheOthers() throws Exception {
    Path file = file("1000\tA.slow\n20\tA.quick\n");
    Durations run = Durations.read(file);
    run.record("A.quick", 30);
    run.write(file);
    Map<String, Long> now = millis(file);
    assertEquals(now.get("A.slow"), Long.valueOf(1000), now.toString());
    assertEquals(now.size(), 2, now.toString());
  }

  /** new = 0.5 * old + 0.5 * measured: one slow run on a loaded machine moves a test halfway, not all the way. */
  @Test
  public void aMeasurementIsAveragedWithTheValueKnownSoFar() throws Exception {
    Path file = file("100\tA.t\n");
    Durations run = Durations.read(file);
    run.record("A.t", 300);
    run.record("A.new", 40);
    run.write(file);
    assertEquals(millis(file), Map.of("A.t", 200L, "A.new", 40L));
  }

  /** A data provider's rows are summed into their method's time for this run, and that sum is averaged. */
  @Test
  public void theInvocationsOfOneRunAreSummedBeforeTheyAreAveraged() throws Exception {
    Path file = file("100\tA.rows\n");
    Durations run = Durations.read(file);
    run.record("A.rows", 150);
    run.record("A.rows", 150);
    run.write(file);
    assertEquals(millis(file), Map.of("A.rows", 200L));
  }

  /** The run's file is written by the run and, for suites run in the parent, at the end: a measurement counts once. */
  @Test
  public void writingTwiceAddsTheMeasurementsOnce() throws Exception {
    Path file = file("100\tA.t\n");
    Durations run = Durations.read(file);
    run.record("A.t", 300);
    run.write(file);
    run.write(file);
    assertEquals(millis(file), Map.of("A.t", 200L));
  }

  /** What another run wrote since this one read the file is kept, and the average starts from it. */
  @Test
  public void theAverageStartsFromWhatTheFileHoldsWhenWritten() throws Exception {
    Path file = file("100\tA.t\n");
    Durations mine = Durations.read(file);
    Durations theirs = Durations.read(file);
    theirs.record("B.t", 50);
    theirs.record("A.t", 500);
    theirs.write(file); // A.t 300
    mine.record("A.t", 100);
    mine.write(file); // (300 + 100) / 2
    assertEquals(millis(file), Map.of("A.t", 200L, "B.t", 50L));
  }

  /** A file written before the format had a run counter (millis TAB class.method) is read, and rewritten in the new one. */
  @Test
  public void theFormerFormatIsRead() throws Exception {
    Path file = file("250\tA.old\n");
    Durations run = Durations.read(file);
    assertTrue(run.allKnownTakeLessThan(251) && !run.allKnownTakeLessThan(250));
    assertEquals(run.coverage(List.of("A.old")), 1.0);
    run.record("A.t", 10);
    run.write(file);
    assertEquals(millis(file), Map.of("A.old", 250L, "A.t", 10L));
    assertEquals(Durations.load(file).entries().get("A.old"), new Durations.Entry(250, 0));
  }

  /** Each write counts one run; a test measured in it is marked with that run. */
  @Test
  public void eachTestKeepsTheRunThatLastMeasuredIt() throws Exception {
    Path file = file("# run 7\n10\t3\tA.before\n");
    Durations run = Durations.read(file);
    run.record("A.now", 5);
    run.write(file);
    Durations.Stored stored = Durations.load(file);
    assertEquals(stored.run(), 8);
    assertEquals(stored.entries(), Map.of("A.before", new Durations.Entry(10, 3), "A.now", new Durations.Entry(5, 8)));
  }

  /** Past the cap, the tests measured least recently go, those of the former format (never counted) first. */
  @Test
  public void theFileKeepsAtMostTheCapDroppingTheLeastRecentlyMeasured() throws Exception {
    Path file = file("# run 3\n10\t1\tA.oldest\n10\t2\tA.older\n10\t3\tA.recent\n10\tA.formerFormat\n");
    Durations run = Durations.read(file);
    run.record("B.new", 5);
    run.record("A.older", 20);
    run.write(file, 3);
    assertEquals(millis(file), Map.of("A.recent", 10L, "A.older", 15L, "B.new", 5L));
  }

  @Test
  public void theCapIsFiftyThousandTests() throws Exception {
    Path file = TempDirs.directory("mproc-durations").resolve("durations.txt");
    Durations first = Durations.read(file);
    for (int i = 0; i < Durations.MAX_ENTRIES; i++) {
      first.record("Old.t" + i, 1);
    }
    first.write(file);
    Durations second = Durations.read(file);
    second.record("New.t", 1);
    second.write(file);
    Map<String, Long> all = millis(file);
    assertEquals(all.size(), Durations.MAX_ENTRIES);
    assertTrue(all.containsKey("New.t"));
  }

  /** A writer killed between its temporary file and the rename leaves the temporary file: the next writer removes it. */
  @Test
  public void aKilledWritersTemporaryFileIsRemovedByTheNext() throws Exception {
    Path file = file("10\tA.t\n");
    Path leftover = file.resolveSibling("durations.txt.12345.tmp");
    Files.writeString(leftover, "10\tA.t\n5\tA.");
    Durations run = Durations.read(file);
    run.record("A.t", 20);
    run.write(file);
    assertTrue(!Files.exists(leftover), "removed");
    try (var left = Files.list(file.getParent())) {
      assertEquals(left.map(p -> p.getFileName().toString()).sorted().toList(), List.of("durations.txt", "durations.txt.lock"));
    }
  }

  /** Nothing measured (a run that ran no test), nothing written: the run counter counts runs that measured. */
  @Test
  public void nothingMeasuredWritesNothing() throws Exception {
    Path file = TempDirs.directory("mproc-durations").resolve("durations.txt");
    Durations.read(file).write(file);
    assertTrue(!Files.exists(file));
  }

  /** Threads writing new keys at once (each its own Durations, as two executions): every key is kept. */
  @Test
  public void concurrentWritersInOneJvmLoseNothing() throws Exception {
    Path file = TempDirs.directory("mproc-durations").resolve("durations.txt");
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (String prefix : List.of("T1.", "T2.", "T3.")) {
      Thread t = new Thread(() -> {
        try {
          writeRepeatedly(file, prefix, 500, 20);
        } catch (Throwable e) {
          failures.add(e);
        }
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join(120_000);
    }
    assertEquals(failures, List.of());
    Map<String, Long> all = millis(file);
    assertEquals(all.size(), 3 * 20 * 500, "keys of T1, T2, T3");
  }

  /** Processes writing new keys at once (two test JVMs in one module): every key is kept, the file always whole. */
  @Test
  public void concurrentWritersInTwoJvmsLoseNothing() throws Exception {
    Path file = TempDirs.directory("mproc-durations").resolve("durations.txt");
    Process one = writer(file, "P1.", 500, 20);
    Process two = writer(file, "P2.", 500, 20);
    writeRepeatedly(file, "P0.", 500, 20);
    assertEquals(exit(one), 0);
    assertEquals(exit(two), 0);
    Map<String, Long> all = millis(file);
    assertEquals(all.size(), 3 * 20 * 500, "keys of P0, P1, P2");
  }

  /** A writer killed at any moment leaves the file as it was or as it wrote it, never a part of it. */
  @Test
  public void aKilledWriterLeavesAWholeFile() throws Exception {
    Path file = TempDirs.directory("mproc-durations").resolve("durations.txt");
    Process writer = writer(file, "K.", 20_000, 1_000_000);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(file) && System.nanoTime() < deadline && writer.isAlive()) {
      Thread.sleep(20);
    }
    Thread.sleep(300);
    writer.destroyForcibly();
    writer.waitFor(30, TimeUnit.SECONDS);
    assertEquals(millis(file).size(), 20_000);
    Durations next = Durations.read(file);
    next.record("After.kill", 1);
    next.write(file); // a writer's leftovers do not stop the next one
    assertEquals(millis(file).size(), 20_001);
  }

  static Map<String, Long> millis(Path file) throws IOException {
    Map<String, Long> m = new TreeMap<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      assertTrue(f.length >= 2, "a whole line: '" + line + "'");
      m.put(f[f.length - 1], Long.parseLong(f[0]));
    }
    return m;
  }

  private static Path file(String text) throws IOException {
    Path file = TempDirs.directory("mproc-durations").resolve("durations.txt");
    Files.writeString(file, text);
    return file;
  }

  /** Writes {@code keys} keys {@code times} times, new ones each time (a lost update loses keys), or the same ones when the prefix starts with K. */
  private static void writeRepeatedly(Path file, String prefix, int keys, int times) {
    boolean same = prefix.startsWith("K");
    for (int n = 0; n < times; n++) {
      Durations d = Durations.read(file);
      for (int k = 0; k < keys; k++) {
        d.record(prefix + (same ? "" : "n" + n + ".") + "k" + k, n + k);
      }
      d.write(file);
    }
  }

  private static Process writer(Path file, String prefix, int keys, int times) throws IOException {
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Writer.class.getName(), file.toString(), prefix, "" + keys, "" + times);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  private static int exit(Process p) throws InterruptedException {
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("a writer did not finish in 120 s");
    }
    return p.exitValue();
  }

  /** A JVM that writes keys of its own to the file, again and again. */
  public static final class Writer {
    public static void main(String[] args) {
      writeRepeatedly(Path.of(args[0]), args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    }
  }
}
