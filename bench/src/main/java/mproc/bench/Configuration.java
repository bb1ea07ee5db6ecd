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
    if (name.equals("sequential")) {
      return new Sequential();
    }
    if (name.startsWith("mproc")) {
      return new Mproc(Integer.parseInt(name.substring("mproc".length())));
    }
    throw new IllegalArgumentException("unknown configuration '" + name + "'; known: sequential, mprocN (e.g. mproc4)");
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

  /** testng-mproc as a user starts it: {@code java -cp CP mproc.TestNG -cores N suite.xml}. */
  record Mproc(int cores) implements Configuration {
    @Override
    public String name() {
      return "mproc -cores " + cores;
    }

    @Override
    public List<String> command(GeneratedSuite suite, Path out, Path probe, Path arrivals) {
      // The durations file lives beside the suite, so that rounds after the first are informed.
      return java(suite, out, probe, arrivals, "mproc.TestNG", "-cores", String.valueOf(cores),
          "-mproc.durations", suite.dir.resolve("durations-" + cores + ".txt").toString());
    }
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
