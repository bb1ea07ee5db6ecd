package mproc.reporting;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Cucumber's report plugins ({@code -Dcucumber.plugin=json:target/cucumber.json}) write one file
 * from each JVM that runs a Cucumber runner, and every worker is such a JVM: writing one path at
 * once, they left a corrupt file. Each worker gets its own file instead (the path with
 * {@code .mproc-worker-N} before its extension), and when the workers have ended the parent joins
 * them into the path the user named: {@code json} (arrays joined), {@code message} and
 * {@code rerun} (lines joined). Reports that cannot be joined by their text (html, junit, testng)
 * stay one per worker, and one line names them. Only the {@code cucumber.plugin} system property
 * is rewritten: plugins named in {@code @CucumberOptions} are the user's own to give distinct paths.
 */
public final class CucumberReports {
  public static final String PLUGIN_PROPERTY = "cucumber.plugin";
  private static final String MARK = ".mproc-worker-";
  private static final List<String> JOINED_AS_LINES = List.of("message", "rerun");

  private CucumberReports() {}

  /** The user's plugins, in a worker that gives each of its TestNG runs files of their own; else null. */
  private static String usersPlugins;
  private static int workerId;
  private static int runs;

  /**
   * In a worker: its own file for every Cucumber plugin that writes one, given to each of its TestNG
   * runs ({@link #giveNextRunItsOwnFiles}, before any runner can read the property).
   */
  public static synchronized void giveWorkerItsOwnFiles(int workerId) {
    String plugins = System.getProperty(PLUGIN_PROPERTY);
    if (plugins != null && !plugins.isBlank()) {
      usersPlugins = plugins;
      CucumberReports.workerId = workerId;
    }
  }

  /**
   * In a worker, before each of its TestNG runs: files of that run's own. A Cucumber runner writes its
   * reports when its class ends, and a worker may run a runner class more than once (it helps with
   * the scenarios another worker started, see {@code Planner.spreadsRows}): each run would
   * overwrite the last one's file. A runner reads the property when its class starts.
   */
  public static synchronized void giveNextRunItsOwnFiles() {
    if (usersPlugins != null) {
      System.setProperty(PLUGIN_PROPERTY, perWorker(usersPlugins, workerId + "-" + ++runs));
    }
  }

  static String perWorker(String plugins, String workerId) {
    List<String> rewritten = new ArrayList<>();
    for (Plugin p : parse(plugins)) {
      rewritten.add(p.path == null ? p.spec : p.name + ":" + workerFile(p.path, workerId));
    }
    return String.join(",", rewritten);
  }

  /** {@code target/cucumber.json} becomes {@code target/cucumber.mproc-worker-2.json} (or {@code -2-1}: its first run's). */
  static String workerFile(String path, String workerId) {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    int dot = path.lastIndexOf('.');
    return dot > slash + 1 ? path.substring(0, dot) + MARK + workerId + path.substring(dot) : path + MARK + workerId;
  }

  /** In the parent, once every worker has ended: joins the workers' files into the paths the user named. */
  public static void join(String plugins, PrintStream err) {
    if (plugins == null || plugins.isBlank()) {
      return;
    }
    for (Plugin p : parse(plugins)) {
      if (p.path == null) {
        continue;
      }
      try {
        List<Path> parts = parts(Path.of(p.path));
        if (parts.isEmpty()) {
          continue;
        }
        if (p.name.equals("json")) {
          write(Path.of(p.path), joinJsonArrays(parts));
        } else if (JOINED_AS_LINES.contains(p.name)) {
          write(Path.of(p.path), joinLines(parts));
        } else {
          err.println("mproc: cucumber's " + p.name + " report is one file per worker: "
              + String.join(", ", parts.stream().map(Path::toString).toList()) + " (json, message and rerun reports are joined into one)");
          continue;
        }
        for (Path part : parts) {
          Files.delete(part);
        }
      } catch (IOException | RuntimeException e) {
        err.println("mproc: cannot join the workers' cucumber " + p.name + " reports into " + p.path + ": " + e.getMessage());
      }
    }
  }

  private static List<Path> parts(Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    String[] around = workerFile(target.getFileName().toString(), "0").split(java.util.regex.Pattern.quote(MARK + "0"), -1);
    java.util.regex.Pattern part = java.util.regex.Pattern.compile(
        java.util.regex.Pattern.quote(around[0] + MARK) + "\\d+(-\\d+)?" + java.util.regex.Pattern.quote(around[1]));
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> part.matcher(f.getFileName().toString()).matches()).sorted().toList();
    }
  }

  /**
   * Cucumber's json report is one array per run: the joined report is one array of every run's
   * features, a feature whose scenarios ran in several runs once ({@link CucumberJson}).
   */
  static String joinJsonArrays(List<Path> parts) throws IOException {
    List<String> arrays = new ArrayList<>();
    for (Path part : parts) {
      String text = Files.readString(part, StandardCharsets.UTF_8).trim();
      if (text.isEmpty()) {
        continue;
      }
      if (!text.startsWith("[") || !text.endsWith("]")) {
        throw new IOException(part + " is not a json array");
      }
      arrays.add(text);
    }
    try {
      return CucumberJson.join(arrays);
    } catch (IllegalArgumentException e) {
      throw new IOException("a part is not json: " + e.getMessage(), e);
    }
  }

  private static String joinLines(List<Path> parts) throws IOException {
    StringBuilder joined = new StringBuilder();
    for (Path part : parts) {
      String text = Files.readString(part, StandardCharsets.UTF_8);
      joined.append(text);
      if (!text.isEmpty() && !text.endsWith("\n")) {
        joined.append('\n');
      }
    }
    return joined.toString();
  }

  private static void write(Path target, String text) throws IOException {
    Path partial = target.resolveSibling(target.getFileName() + ".mproc-partial");
    Files.writeString(partial, text, StandardCharsets.UTF_8);
    Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** One plugin of the property: {@code name} or {@code name:path} (a class name may be the name). */
  private record Plugin(String spec, String name, String path) {}

  private static List<Plugin> parse(String plugins) {
    List<Plugin> result = new ArrayList<>();
    for (String spec : plugins.split(",")) {
      String s = spec.trim();
      if (s.isEmpty()) {
        continue;
      }
      int colon = s.indexOf(':');
      // "name:path", but not a Windows drive ("C:\...") nor a URL ("http://...")
      boolean hasPath = colon > 0 && colon < s.length() - 1 && !s.startsWith("//", colon + 1);
      result.add(hasPath ? new Plugin(s, s.substring(0, colon), s.substring(colon + 1)) : new Plugin(s, s, null));
    }
    return result;
  }
}
