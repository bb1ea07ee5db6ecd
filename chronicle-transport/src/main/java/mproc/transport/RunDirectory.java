package mproc.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/** The private directory (mode 0700) that holds one run's queues and claim table. */
public final class RunDirectory implements AutoCloseable {
  /** Every run directory's name starts with this, so that stale ones can be recognised. */
  public static final String PREFIX = "mproc-run-";

  private final Path path;

  private RunDirectory(Path path) {
    this.path = path;
  }

  /** Creates a new private directory under {@code base} (created if missing). */
  public static RunDirectory create(Path base) {
    try {
      Files.createDirectories(base);
      Path dir =
          Files.createTempDirectory(
              base, PREFIX, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      return new RunDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the run directory under " + base, e);
    }
  }

  /** Opens an existing run directory, as a worker does. */
  public static RunDirectory open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalArgumentException("run directory does not exist: " + dir);
    }
    return new RunDirectory(dir);
  }

  public Path path() {
    return path;
  }

  public Path workChannel() {
    return path.resolve("work");
  }

  public Path resultChannel(int workerId) {
    return path.resolve("results-" + workerId);
  }

  /** Global fixtures' values, written by the parent, read by every worker. */
  public Path fixtureChannel() {
    return path.resolve("fixtures");
  }

  public Path claimFile() {
    return path.resolve("claims");
  }

  /** Removes the directory and everything in it. */
  @Override
  public void close() {
    deleteRecursively(path);
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the run directory " + root, e);
    }
  }
}
