package mproc.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The private directory (mode 0700) that holds one run's queues and claim table. It names its
 * owner (the parent's pid and start time), so that a later run can remove the directories of runs
 * whose parent died without cleaning up ({@code kill -9}).
 */
public final class RunDirectory implements AutoCloseable {
  /** Every run directory's name starts with this, so that stale ones can be recognised. */
  public static final String PREFIX = "mproc-run-";

  private final Path path;

  private RunDirectory(Path path) {
    this.path = path;
  }

  /**
   * Chronicle maps each queue file (80 MiB, sparse) and dies with SIGBUS when a full disk cannot back
   * a page; refuse to start below this much free space instead.
   */
  public static final long MIN_FREE_BYTES = 256L << 20;

  private static final String OWNER = "owner";

  /**
   * Creates a new private directory under {@code base} (created if missing), after removing those
   * of dead runs.
   *
   * @throws IllegalStateException if {@code base} has too little free space for the queues
   */
  public static RunDirectory create(Path base) {
    try {
      Files.createDirectories(base);
      checkFreeSpace(base, Files.getFileStore(base).getUsableSpace());
      removeDeadRuns(base);
      Path dir =
          Files.createTempDirectory(
              base, PREFIX, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Files.writeString(dir.resolve(OWNER), ownerOf(ProcessHandle.current()));
      return new RunDirectory(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the run directory under " + base, e);
    }
  }

  static void checkFreeSpace(Path base, long free) {
    if (free < MIN_FREE_BYTES) {
      throw new IllegalStateException(
          "only " + (free >> 20) + " MiB free in " + base + "; the queues need " + (MIN_FREE_BYTES >> 20)
              + " MiB: free some space or point mproc.dir at another directory");
    }
  }

  /** "pid start-instant": a pid alone may have been reused by another process since. */
  private static String ownerOf(ProcessHandle p) {
    return p.pid() + " " + p.info().startInstant().map(Object::toString).orElse("?");
  }

  /** Removes this user's run directories whose owner process is gone. */
  static void removeDeadRuns(Path base) throws IOException {
    try (var dirs = Files.newDirectoryStream(base, PREFIX + "*")) {
      for (Path dir : dirs) {
        Path owner = dir.resolve(OWNER);
        if (!Files.isReadable(owner)) {
          continue; // not ours, or being created right now
        }
        String text;
        try {
          text = Files.readString(owner).trim();
        } catch (java.nio.file.NoSuchFileException e) {
          continue; // another run is removing it right now
        }
        long pid;
        try {
          pid = Long.parseLong(text.substring(0, text.indexOf(' ')));
        } catch (RuntimeException e) {
          continue; // not written by this version: leave it alone
        }
        boolean alive = ProcessHandle.of(pid).map(p -> p.isAlive() && ownerOf(p).equals(text)).orElse(false);
        if (!alive) {
          deleteRecursively(dir);
        }
      }
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

  /** Created by the parent to ask a worker for its threads' stacks. */
  public Path threadDumpRequest(int workerId) {
    return path.resolve("dump-request-" + workerId);
  }

  /** Written by the worker in answer to {@link #threadDumpRequest}. */
  public Path threadDump(int workerId) {
    return path.resolve("dump-" + workerId + ".txt");
  }

  /** Removes the directory and everything in it. */
  @Override
  public void close() {
    try {
      deleteRecursively(path);
    } catch (UncheckedIOException e) {
      deleteRecursively(path); // a file appeared while deleting (a worker being stopped): once more
    }
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
            public FileVisitResult visitFileFailed(Path file, IOException exc) throws IOException {
              if (exc instanceof java.nio.file.NoSuchFileException) {
                return FileVisitResult.CONTINUE; // another run removing the same dead run's directory
              }
              throw exc;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
              if (exc != null && !(exc instanceof java.nio.file.NoSuchFileException)) {
                throw exc;
              }
              Files.deleteIfExists(dir);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the run directory " + root, e);
    }
  }
}
