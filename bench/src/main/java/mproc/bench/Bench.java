package mproc.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run [--runs R] [--workloads a,b] [--configs sequential,mproc2,...]}: generates each
 * workload, runs every configuration on it in turn (alternating, R rounds, so that a noisy moment
 * hurts all of them alike) and prints a Markdown table of medians.
 */
public final class Bench {
  private static final long RUN_LIMIT_SECONDS = 600;

  private Bench() {}

  public static void main(String[] args) throws Exception {
    int runs = 5;
    List<String> workloads = List.of("sleep", "empty");
    List<String> configs = List.of("sequential", "mproc1", "mproc2", "mproc4");
    Path root = Path.of("bench/target/runs").toAbsolutePath();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[++i]);
        case "--workloads" -> workloads = List.of(args[++i].split(","));
        case "--configs" -> configs = List.of(args[++i].split(","));
        case "--dir" -> root = Path.of(args[++i]);
        default -> {
          System.err.println("usage: bench/run [--runs R] [--workloads " + String.join(",", Workload.ALL.keySet())
              + "] [--configs sequential,threadsN,surefireN,mprocN,mproc-mvnN] [--dir DIR]");
          System.exit(2);
        }
      }
    }
    List<Configuration> configurations = configs.stream().map(Configuration::parse).toList();
    System.out.printf(Locale.ROOT, "# %d rounds on %s, %d processors, Java %s%n%n",
        runs, System.getProperty("os.name"), Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    System.out.println("| workload | configuration | wall s (median) | x sequential | x sequential, per round | first test s | after first test s | first round s | result gap µs | runs |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (String name : workloads) {
      Workload workload = Workload.byName(name);
      GeneratedSuite suite = GeneratedSuite.write(workload, root);
      if (configurations.stream().anyMatch(Configuration::throughMaven)) {
        Configuration.compileMavenProject(suite);
      }
      Map<Configuration, List<Measurement>> results = new LinkedHashMap<>();
      configurations.forEach(c -> results.put(c, new ArrayList<>()));
      for (int round = 0; round < runs; round++) {
        for (Configuration c : configurations) {
          Measurement m = run(suite, c, round);
          results.get(c).add(m);
          System.err.printf(Locale.ROOT, "  %s / %s round %d: %.2f s, first test %.2f s, gap %.0f µs, exit %d, %s%n",
              name, c.name(), round + 1, m.wallSeconds(), m.firstTestSeconds(), m.resultGapMicros(), m.exitCode(), m.summary());
        }
      }
      List<Measurement> sequentialRounds = results.entrySet().stream()
          .filter(e -> e.getKey() instanceof Configuration.Sequential)
          .map(Map.Entry::getValue)
          .findFirst()
          .orElse(List.of());
      double sequential = sequentialRounds.isEmpty() ? Double.NaN : median(sequentialRounds, Measurement::wallSeconds);
      for (var e : results.entrySet()) {
        double wall = median(e.getValue(), Measurement::wallSeconds);
        System.out.printf(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %d |%n",
            workload.description(), e.getKey().name(), wall, wall / sequential, perRoundRatio(e.getValue(), sequentialRounds),
            median(e.getValue(), Measurement::firstTestSeconds),
            median(e.getValue(), m -> m.wallSeconds() - m.firstTestSeconds()),
            e.getValue().get(0).wallSeconds(),
            median(e.getValue(), Measurement::resultGapMicros),
            e.getValue().size());
      }
    }
  }

  private static Measurement run(GeneratedSuite suite, Configuration c, int round) throws IOException, InterruptedException {
    Path runDir = suite.dir.toAbsolutePath().resolve("run-" + c.name().replace(' ', '_') + "-" + round);
    deleteRecursively(runDir);
    Files.createDirectories(runDir);
    Path probe = runDir.resolve("first-test.txt");
    Path arrivals = runDir.resolve("result-gap.txt");
    Path log = runDir.resolve("output.log");
    List<String> command = c.command(suite, runDir.resolve("out"), probe, arrivals);
    long startMillis = System.currentTimeMillis();
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(RUN_LIMIT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException(c.name() + " took longer than " + RUN_LIMIT_SECONDS + " s; see " + log);
    }
    double wall = (System.nanoTime() - start) / 1e9;
    List<String> lines = Files.readAllLines(log);
    String marker = c.throughMaven() ? "Tests run: " : "Total tests run: ";
    String summary = "no summary";
    for (String line : lines) {
      if (line.contains(marker)) {
        summary = line.substring(line.indexOf(marker)); // Maven's last one is its total
        if (!c.throughMaven()) {
          break;
        }
      }
    }
    String expected = marker + suite.workload.testCount() + ",";
    if (!summary.startsWith(expected) || !summary.contains("Failures: 0")) {
      throw new IllegalStateException(c.name() + " did not run " + suite.workload.testCount() + " tests (" + summary + "); see " + log);
    }
    double firstTest = Files.exists(probe)
        ? (Files.readAllLines(probe).stream().mapToLong(Long::parseLong).min().orElseThrow() - startMillis) / 1e3
        : Double.NaN;
    double gap = Files.exists(arrivals) ? Double.parseDouble(Files.readString(arrivals).trim()) : Double.NaN;
    return new Measurement(wall, firstTest, gap, p.exitValue(), summary);
  }

  /**
   * The median over rounds of this configuration's time over plain TestNG's in the same round: on a
   * machine whose speed drifts between rounds (this one's plain TestNG varied by 38 % on the CPU-bound
   * workload), runs next to each other compare better than medians taken apart.
   */
  private static double perRoundRatio(List<Measurement> ms, List<Measurement> sequentialRounds) {
    if (sequentialRounds.size() != ms.size()) {
      return Double.NaN;
    }
    double[] ratios = new double[ms.size()];
    for (int i = 0; i < ratios.length; i++) {
      ratios[i] = ms.get(i).wallSeconds() / sequentialRounds.get(i).wallSeconds();
    }
    return median(ratios);
  }

  private static double median(List<Measurement> ms, java.util.function.ToDoubleFunction<Measurement> f) {
    return median(ms.stream().mapToDouble(f).toArray());
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
