package mproc.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One way to run a generated suite; {@link #command} is what a user would type. */
sealed interface Configuration {
  String name();

  /** The command that runs the suite, writing reports to {@code out}; the probes' files are given. */
  List<String> command(GeneratedSuite suite, Path out, Path probe, Path arrivals);

  static Configuration parse(String name) {
    if (name.contains("@")) { // e.g. mproc4@0: the whole process tree on processor 0
      String[] parts = name.split("@", 2);
      return new Pinned(parse(parts[0]), parts[1]);
    }
    if (name.equals("sequential")) {
      return new Sequential();
    }
    if (name.startsWith("mproc-redis-w")) {
      return new MprocRedis(Integer.parseInt(name.substring("mproc-redis-w".length())));
    }
    if (name.startsWith("mproc-hosts")) {
      boolean pinned = name.endsWith("-pinned");
      String[] hostsByCores = name.substring("mproc-hosts".length(), name.length() - (pinned ? "-pinned".length() : 0)).split("x");
      return new MprocHosts(Integer.parseInt(hostsByCores[0]), Integer.parseInt(hostsByCores[1]), pinned);
    }
    if (name.startsWith("mproc-mvn")) {
      return new MprocSurefire(Integer.parseInt(name.substring("mproc-mvn".length())));
    }
    if (name.startsWith("mproc")) {
      String rest = name.substring("mproc".length());
      boolean firstRun = rest.startsWith("-first");
      rest = firstRun ? rest.substring("-first".length()) : rest;
      boolean workersOnly = rest.startsWith("-w");
      rest = workersOnly ? rest.substring("-w".length()) : rest;
      return new Mproc(Integer.parseInt(rest), !workersOnly, firstRun);
    }
    if (name.startsWith("threads")) {
      return new Threads(Integer.parseInt(name.substring("threads".length())));
    }
    if (name.startsWith("surefire")) {
      return new SurefireForks(Integer.parseInt(name.substring("surefire".length())));
    }
    throw new IllegalArgumentException(
        "unknown configuration '" + name + "'; known: sequential, threadsN, surefireN, mprocN, mproc-wN (the parent runs no"
            + " tests), mproc-firstN and mproc-first-wN (every run a first run: no durations), mproc-mvnN (e.g. mproc4),"
            + " mproc-redis-wN (N workers through a local redis-server), mproc-hostsHxN (H hosts of N cores each, one run through Redis;"
            + " mproc-hostsHxN-pinned: host h on processor h), and any of them with @CPUS (e.g. mproc4@0: on processor 0 only)");
  }

  /** Whether the run goes through Maven (its summary line reads "Tests run: N, ..."). */
  default boolean throughMaven() {
    return false;
  }

  /** A configuration run by {@code mvn surefire:test}. */
  sealed interface ThroughMaven extends Configuration {
    @Override
    default boolean throughMaven() {
      return true;
    }
  }

  /** TestNG's own threads in one JVM: {@code org.testng.TestNG -parallel methods -threadcount N}. */
  record Threads(int threads) implements Configuration {
    @Override
    public String name() {
      return "TestNG parallel=methods, " + threads + " threads";
    }

    @Override
    public List<String> command(GeneratedSuite suite, Path out, Path probe, Path arrivals) {
      return java(suite, out, probe, arrivals, "org.testng.TestNG", "-parallel", "methods", "-threadcount", String.valueOf(threads));
    }
  }

  /** Surefire's forks over the test classes: {@code mvn test -DforkCount=N} with reuseForks. */
  record SurefireForks(int forks) implements ThroughMaven {
    @Override
    public String name() {
      return "mvn test, Surefire forkCount=" + forks;
    }

    @Override
    public List<String> command(GeneratedSuite suite, Path out, Path probe, Path arrivals) {
      return maven(suite, "-Dbench.probe=" + probe, "-DforkCount=" + forks);
    }
  }

  /** testng-mproc through Surefire, as the README sets it up: {@code mvn test -Pmproc -Dcores=N}. */
  record MprocSurefire(int cores) implements ThroughMaven {
    @Override
    public String name() {
      return "mvn test, testng-mproc -Dmproc.cores=" + cores;
    }

    @Override
    public List<String> command(GeneratedSuite suite, Path out, Path probe, Path arrivals) {
      return maven(suite, "-Dbench.probe=" + probe + " -Dmproc.durations=" + suite.dir.resolve("durations-mvn-" + cores + ".txt"),
          "-Pmproc", "-Dcores=" + cores);
    }
  }

  /** Compiles the Maven project's tests once, untimed, so that each timed run is {@code surefire:test} alone. */
  static void compileMavenProject(GeneratedSuite suite) throws java.io.IOException, InterruptedException {
    Process p = new ProcessBuilder("mvn", "-B", "-o", "-q", "-f", suite.mavenProject.resolve("pom.xml").toString(), "test-compile")
        .inheritIO().start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("cannot compile the Maven project " + suite.mavenProject);
    }
  }

  private static List<String> maven(GeneratedSuite suite, String benchArgLine, String... options) {
    List<String> command = new ArrayList<>(List.of("mvn", "-B", "-o", "-f", suite.mavenProject.resolve("pom.xml").toString(),
        "surefire:test", "-DbenchArgLine=" + benchArgLine));
    command.addAll(List.of(options));
    return command;
  }

  /** Plain TestNG in one JVM, with its default reporters: {@code java -cp CP org.testng.TestNG suite.xml}. */
  record Sequential() implements Configuration {
    @Override
    public String name() {
      return "sequential";
    }

    @Override
    public List<String> command(GeneratedSuite suite, Path out, Path probe, Path arrivals) {
      return java(suite, out, probe, arrivals, "org.testng.TestNG");
    }
  }

  /**
   * testng-mproc as a user starts it: {@code java -cp CP mproc.TestNG -cores N suite.xml}; with
   * {@code parentRuns} false the parent runs no tests itself ({@code -mproc.parentRuns false}); with
   * {@code firstRun} every round starts without measured durations.
   */
  record Mproc(int cores, boolean parentRuns, boolean firstRun) implements Configuration {
    @Override
    public String name() {
      return "mproc -cores " + cores + (parentRuns ? "" : ", parent runs no tests") + (firstRun ? ", first run" : "");
    }

    @Override
    public List<String> command(GeneratedSuite suite, Path out, Path probe, Path arrivals) {
      // The durations file lives beside the suite, so that rounds after the first are informed.
      Path durations = suite.dir.resolve("durations-" + cores + (parentRuns ? "" : "-w") + (firstRun ? "-first" : "") + ".txt");
      if (firstRun) {
        try {
          java.nio.file.Files.deleteIfExists(durations);
        } catch (java.io.IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return java(suite, out, probe, arrivals, "mproc.TestNG", "-cores", String.valueOf(cores),
          "-mproc.durations", durations.toString(), "-mproc.parentRuns", String.valueOf(parentRuns));
    }
  }

  /** {@code -cores N}, the parent running no tests, through a local Redis instead of Chronicle queues ({@code mproc.cluster}). */
  record MprocRedis(int cores) implements Configuration {
    @Override
    public String name() {
      return "mproc -cores " + cores + " through Redis, parent runs no tests";
    }

    @Override
    public List<String> command(GeneratedSuite suite, Path out, Path probe, Path arrivals) {
      return java(suite, out, probe, arrivals, "mproc.TestNG", "-cores", String.valueOf(cores), "-mproc.parentRuns", "false",
          "-mproc.durations", suite.dir.resolve("durations-redis-" + cores + ".txt").toString(),
          "-mproc.cluster", LocalRedis.url("bench-" + System.nanoTime()));
    }
  }

  /**
   * {@code hosts} simulated hosts on this machine, each {@code mproc.TestNG -cores N -mproc.cluster
   * URL}, started together as the jobs of a CI matrix are: whichever is first leads, and its output
   * and probes are the run's. Same durations file for all. Pinned, host h's process tree runs on
   * processor h only ({@code taskset}), as a host of its own would: unpinned, the simulated hosts
   * start their JVMs on the same processors.
   */
  record MprocHosts(int hosts, int cores, boolean pinned) implements Configuration {
    @Override
    public String name() {
      return hosts + " hosts x -cores " + cores + " through Redis" + (pinned ? ", host h on processor h" : "");
    }

    @Override
    public List<String> command(GeneratedSuite suite, Path out, Path probe, Path arrivals) {
      String url = LocalRedis.url("bench-" + System.nanoTime());
      Path durations = suite.dir.resolve("durations-hosts-" + hosts + "x" + cores + ".txt");
      StringBuilder script = new StringBuilder("pids=()\n");
      for (int h = 0; h < hosts; h++) {
        Path dir = out.resolveSibling("host-" + h);
        script.append("mkdir -p ").append(quote(dir.toString())).append("\n");
        if (pinned) {
          script.append("taskset -c ").append(h % Runtime.getRuntime().availableProcessors()).append(' ');
        }
        script.append(String.join(" ", java(suite, dir.resolve("out"), dir.resolve("probe"), dir.resolve("arrivals"), "mproc.TestNG",
            "-cores", String.valueOf(cores), "-mproc.durations", durations.toString(), "-mproc.cluster", url).stream().map(Configuration::quote)
            .toList())).append(" > ").append(quote(dir.resolve("output.log").toString())).append(" 2>&1 & pids+=($!)\n");
      }
      script.append("status=0\nfor p in \"${pids[@]}\"; do wait $p || status=$?; done\n");
      // The leader's output, probes and reports are the run's.
      script.append("for d in ").append(quote(out.getParent().toString())).append("/host-*; do\n")
          .append("  if grep -q 'Total tests run: [1-9]' \"$d/output.log\"; then cat \"$d/output.log\"; cp \"$d/probe\" ")
          .append(quote(probe.toString())).append(" 2>/dev/null; cp \"$d/arrivals\" ").append(quote(arrivals.toString()))
          .append(" 2>/dev/null; fi\ndone\nexit $status\n");
      return List.of("bash", "-c", script.toString());
    }
  }

  /** Another configuration with its whole process tree on these processors only ({@code taskset -c}). */
  record Pinned(Configuration inner, String cpus) implements Configuration {
    @Override
    public String name() {
      return inner.name() + ", on processor " + cpus;
    }

    @Override
    public boolean throughMaven() {
      return inner.throughMaven();
    }

    @Override
    public List<String> command(GeneratedSuite suite, Path out, Path probe, Path arrivals) {
      List<String> command = new ArrayList<>(List.of("taskset", "-c", cpus));
      command.addAll(inner.command(suite, out, probe, arrivals));
      return command;
    }
  }

  private static String quote(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  private static List<String> java(GeneratedSuite suite, Path out, Path probe, Path arrivals, String main, String... options) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dbench.probe=" + probe);
    command.add("-Dbench.arrivals=" + arrivals);
    command.add("-cp");
    command.add(suite.classpath());
    command.add(main);
    command.addAll(List.of(options));
    command.addAll(List.of("-d", out.toString(), "-listener", ArrivalProbe.class.getName(), suite.suiteXml.toString()));
    return command;
  }
}
