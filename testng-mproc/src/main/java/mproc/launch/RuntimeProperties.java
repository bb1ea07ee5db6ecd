package mproc.launch;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The parent's system properties as they are when the run starts, for every worker: Surefire
 * gives its fork the Maven user properties ({@code mvn test -Dcucumber.plugin=...}) with
 * {@code System.setProperty}, not on the command line, and tests read properties a listener or
 * {@code @BeforeSuite} set. Written to a file (a class path in a property can be longer than one
 * command-line argument may be) and set in the worker before anything else reads them. The JVM's
 * own properties (the JDK's, the OS's, the user's home, the class path) are the worker's own.
 */
public final class RuntimeProperties {
  private static final List<String> JVM_OWN_PREFIXES = List.of("java.", "jdk.", "sun.", "os.");
  private static final List<String> JVM_OWN = List.of(
      "path.separator", "line.separator", "file.separator", "native.encoding", "stdout.encoding", "stderr.encoding",
      "user.dir", "user.home", "user.name", "file.encoding", "awt.toolkit");

  private RuntimeProperties() {}

  /** Where a run keeps them: in its private run directory. */
  public static Path in(Path runDirectory) {
    return runDirectory.resolve("system.properties");
  }

  static boolean jvmOwn(String key) {
    return JVM_OWN.contains(key) || JVM_OWN_PREFIXES.stream().anyMatch(key::startsWith);
  }

  /** Writes this JVM's system properties, but the JVM's own, and {@code also}, to {@code file}. */
  public static void write(Path file, java.util.Map<String, String> also) {
    Properties copy = new Properties();
    System.getProperties().forEach((k, v) -> {
      if (k instanceof String key && v instanceof String value && !jvmOwn(key)) {
        copy.setProperty(key, value);
      }
    });
    also.forEach(copy::setProperty);
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      copy.store(out, "the parent's system properties when the run started");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /** Sets the properties of {@code file} in this JVM, but those its command line set (a worker's own). */
  public static void apply(Path file, List<String> commandLine) {
    Properties saved = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      saved.load(in);
    } catch (java.nio.file.NoSuchFileException e) {
      return;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the parent's system properties from " + file, e);
    }
    for (String key : saved.stringPropertyNames()) {
      if (commandLine.stream().noneMatch(a -> a.startsWith("-D" + key + "=") || a.equals("-D" + key))) {
        System.setProperty(key, saved.getProperty(key));
      }
    }
  }
}
