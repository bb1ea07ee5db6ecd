package mproc.launch;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * The files of {@link ClassDataSharing}'s cache directory: each class path's name in it, the lock a
 * training run holds, which archives were used last and which go, and whether a class path may be
 * reordered (jars first) at all.
 */
final class CdsArchiveFiles {
  private CdsArchiveFiles() {}

  private static org.slf4j.Logger log() {
    return LoggerFactory.getLogger(ClassDataSharing.class);
  }

  /**
   * Archives are kept by last use ({@link #removeOldArchives}); mapping one does not change its
   * time, so a run does. Failing only makes the archive look older.
   */
  static void markUsed(Path file) {
    try {
      Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
    } catch (IOException e) {
      log().debug("cannot mark {} as used (it may be removed sooner): {}", file, e.toString());
    }
  }

  /**
   * Takes the lock with a new token: creates it, or replaces one older than a training can live
   * (delete, then create, so that of two runs seeing it stale only one wins).
   *
   * @return the token the lock now holds, or null if another run holds it
   */
  static String takeLock(Path lock, long staleMillis) throws IOException {
    try {
      Files.createFile(lock);
    } catch (java.nio.file.FileAlreadyExistsException e) {
      if (Files.getLastModifiedTime(lock).toMillis() > System.currentTimeMillis() - staleMillis) {
        return null;
      }
      Files.deleteIfExists(lock);
      try {
        Files.createFile(lock);
      } catch (java.nio.file.FileAlreadyExistsException lost) {
        return null;
      }
    }
    String token = ProcessHandle.current().pid() + "-" + System.nanoTime();
    Files.writeString(lock, token);
    return token;
  }

  /** A module's descriptor: on the class path nobody looks it up, though a directory and a jar may both hold one. */
  private static final String MODULE_INFO = "module-info.class";

  /**
   * The first path that a class directory and a jar both answer, or null if none: putting the jars
   * first would change which of the two a lookup finds, so the workers keep the original order (and
   * no archive). Such a path is a file of the directory (a class, or a resource such as {@code
   * logback-test.xml}) that the jar holds too, or a directory of it that holds files and that the jar
   * has an entry for ({@code getClass().getResource("")}, the usual way for a test to find the files
   * beside it, would then answer with the jar's). A jar is read as the class loader reads it: a
   * multi-release jar in this JDK's version. A package split between a directory and a jar without
   * directory entries is no such case: each of its classes loads from the one place that has it.
   * Directories that hold only directories ({@code org/}) are left out, as nobody looks them up.
   */
  static String shadowedByADirectory(List<String> jars, List<String> others) throws IOException {
    java.util.Set<String> paths = new java.util.HashSet<>();
    for (String dir : others) {
      Path root = Path.of(dir);
      if (!Files.isDirectory(root)) {
        continue;
      }
      Path real = root.toRealPath(); // a class directory may be a link, and hold links
      try (Stream<Path> walk = Files.walk(real, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
        walk.filter(Files::isRegularFile)
            .map(f -> real.relativize(f).toString().replace(File.separatorChar, '/'))
            .filter(name -> !name.equals(MODULE_INFO))
            .forEach(name -> {
              paths.add(name);
              int slash = name.lastIndexOf('/');
              if (slash > 0) {
                paths.add(name.substring(0, slash + 1));
              }
            });
      }
    }
    if (paths.isEmpty()) {
      return null;
    }
    for (String jar : jars) {
      try (java.util.jar.JarFile file = new java.util.jar.JarFile(new File(jar), true, java.util.zip.ZipFile.OPEN_READ, Runtime.version())) {
        String shadowed = file.versionedStream().map(java.util.zip.ZipEntry::getName).filter(paths::contains).findFirst().orElse(null);
        if (shadowed != null) {
          return shadowed + " (in " + jar + " and a class directory)";
        }
      }
    }
    return null;
  }

  /**
   * Keeps the files of the {@code kept} class paths used last ({@code key}'s included) and removes
   * the rest: archives, logs, markers, and the partial archives of a training that died.
   */
  static void removeOldArchives(Path dir, String key, int kept) throws IOException {
    Map<String, List<Path>> byKey = new HashMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(Files::isRegularFile).forEach(f -> {
        String name = f.getFileName().toString();
        int dot = name.indexOf('.');
        if (dot > 0) {
          byKey.computeIfAbsent(name.substring(0, dot), k -> new ArrayList<>()).add(f);
        }
      });
    }
    List<String> keys = byKey.keySet().stream()
        .filter(k -> !k.equals(key))
        .sorted(Comparator.comparingLong((String k) -> newest(byKey.get(k))).reversed())
        .toList();
    for (String old : keys.subList(Math.min(kept - 1, keys.size()), keys.size())) {
      for (Path f : byKey.get(old)) {
        Files.deleteIfExists(f);
      }
    }
  }

  private static long newest(List<Path> files) {
    return files.stream().mapToLong(f -> f.toFile().lastModified()).max().orElse(0);
  }

  /** The archive's name: the JDK, and each jar with its size and time; directories by name. */
  static String key(List<String> jars, List<String> others) {
    StringBuilder text = new StringBuilder(System.getProperty("java.home")).append(System.getProperty("java.vm.version"));
    for (String jar : jars) {
      File f = new File(jar);
      text.append(jar).append(':').append(f.length()).append(':').append(f.lastModified()).append('\n');
    }
    others.forEach(o -> text.append(o).append('\n'));
    return String.format("%016x", fnv1a64(text.toString().getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * FNV-1a, 64 bits: no security provider to load in {@code mproc.TestNG}'s first JVM (SHA-256 cost
   * it 25 ms). A collision would cost an archive, not correctness: the JVM itself checks each jar's
   * size and time against the archive's and ignores an archive that does not match.
   */
  static long fnv1a64(byte[] bytes) {
    long hash = 0xcbf29ce484222325L;
    for (byte b : bytes) {
      hash ^= b & 0xff;
      hash *= 0x100000001b3L;
    }
    return hash;
  }
}
