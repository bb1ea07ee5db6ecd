package mproc.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Class-data sharing for the JVMs we start: CDS archives of the classes a worker, and a parent that
 * {@code mproc.TestNG} restarts, load before their first test (Chronicle's, TestNG's, ours), which
 * halves their start-up CPU. JDK 17 archives only jar files, and a test class path starts with
 * directories, so a JVM with an archive gets the same class path with its jars first (in their
 * order) and the directories after; a training run refuses to make an archive if a directory and a
 * jar answer the same path (see {@link CdsArchiveFiles#shadowedByADirectory}): reordering would then
 * change which one is found.
 *
 * <p>The archives are made once per class path (jars, their sizes and times, the JDK), by a training
 * run ({@link CdsTraining}) started in the background when a run without them ends, and kept under
 * {@code java.io.tmpdir}. One archive per kind of JVM, each written by a real JVM of that kind, so
 * that each holds what that JVM loads.
 */
public final class ClassDataSharing {
  /**
   * Looked up when needed, not in a static field: {@code mproc.TestNG}'s first JVM uses this class
   * on its way to restarting itself, and initializing the logging there cost it 0.1 s.
   */
  private static Logger log() {
    return LoggerFactory.getLogger(ClassDataSharing.class);
  }

  /** Class paths whose archives are kept (two archives each). */
  private static final int CLASS_PATHS_KEPT = 5;
  /**
   * Set only in a training run's parent: its workers write their archive at exit to this file
   * instead of starting from one. Internal, not a setting.
   */
  static final String TRAINING_WORKER_ARCHIVE = "mproc.cds.trainingWorkerArchive";
  /** A lock this old belongs to a training that died: longer than a training may take. */
  private static final long STALE_LOCK_MILLIS = 2 * CdsTraining.LIMIT_SECONDS * 1000L;

  private final String classPath;
  private final List<String> jars = new ArrayList<>();
  private final List<String> others = new ArrayList<>();
  /** This class path's name in the cache: the start of each of its files' names. */
  private final String key;
  private final Path archive;
  /** Archives this JVM has marked as used: once each, not once per worker started. */
  private final Set<Path> marked = ConcurrentHashMap.newKeySet();
  private final Path parentArchive;
  private final Path unsafe;
  private final Path lock;
  /** A training run's parent: workers write {@link #archive} at exit, and nothing is trained after it. */
  private final boolean training;

  ClassDataSharing(String classPath, Path cacheDir) {
    this(classPath, cacheDir, null);
  }

  private ClassDataSharing(String classPath, Path cacheDir, Path trainingWorkerArchive) {
    classPath = expandLauncherJar(classPath);
    this.classPath = classPath;
    for (String entry : classPath.split(File.pathSeparator)) {
      if (entry.isEmpty()) {
        continue;
      }
      (entry.endsWith(".jar") && Files.isRegularFile(Path.of(entry)) ? jars : others).add(entry);
    }
    this.training = trainingWorkerArchive != null;
    this.key = cacheDir == null ? null : CdsArchiveFiles.key(jars, others);
    this.archive = training ? trainingWorkerArchive : cacheDir == null ? null : cacheDir.resolve(key + ".worker.jsa");
    this.parentArchive = cacheDir == null ? null : cacheDir.resolve(key + ".parent.jsa");
    this.unsafe = cacheDir == null ? null : cacheDir.resolve(key + ".unsafe");
    this.lock = cacheDir == null ? null : cacheDir.resolve(key + ".lock");
  }

  /**
   * A class path that is one jar whose manifest names the real class path (Surefire's booter jar,
   * with a new temporary name each run) becomes that class path, so that workers get a stable one
   * (and an archive that lasts from run to run). A jar that holds classes of its own (an executable
   * tests jar) stays first.
   */
  static String expandLauncherJar(String classPath) {
    if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
      return classPath;
    }
    try (java.util.jar.JarFile file = new java.util.jar.JarFile(classPath)) {
      java.util.jar.Manifest manifest = file.getManifest();
      String listed = manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
      if (listed == null || listed.isBlank()) {
        return classPath;
      }
      List<String> entries = new ArrayList<>();
      if (file.stream().anyMatch(e -> !e.isDirectory() && !e.getName().startsWith("META-INF/"))) {
        entries.add(classPath);
      }
      java.net.URI base = Path.of(classPath).toAbsolutePath().getParent().toUri();
      for (String url : listed.trim().split("\\s+")) {
        entries.add(Path.of(base.resolve(url)).toString());
      }
      return String.join(File.pathSeparator, entries);
    } catch (IOException | RuntimeException e) {
      return classPath; // not a launcher jar we understand: use it as it is
    }
  }

  /**
   * Whether the user chose this JVM's class-data sharing ({@code -Xshare:off} or {@code :on}, an
   * archive of their own, {@code -XX:+AutoCreateSharedArchive}): then no archive of ours is used, by
   * the parent {@code mproc.TestNG} restarts or by any worker, and workers get the user's options as
   * any other. Pulsar's suites run with {@code -Xshare:off}; a worker given our archive over it
   * printed a JVM warning a sequential run does not (Mockito's agent appends to the boot class path,
   * which sharing then limits). Our own options, in a JVM we started, are not the user's: we always
   * give them with {@value #OUR_MARK}, which nobody else needs.
   */
  public static boolean usersOwn(List<String> inputArguments) {
    if (inputArguments.contains(OUR_MARK)) {
      return false;
    }
    return inputArguments.stream().anyMatch(a -> a.equals("-Xshare:off") || a.equals("-Xshare:on") || a.equals("-XX:+AutoCreateSharedArchive")
        || a.startsWith("-XX:SharedArchiveFile=") || a.startsWith("-XX:ArchiveClassesAtExit="));
  }

  /** Given with every archive option of ours (it silences the JDK's notes on a dynamic archive). */
  private static final String OUR_MARK = "-Xlog:cds+dynamic=off";

  /** No archive: workers get this JVM's class path as it is. */
  public static ClassDataSharing none() {
    return new ClassDataSharing(System.getProperty("java.class.path"), null);
  }

  /** For this JVM's class path, with archives under {@code java.io.tmpdir}. */
  public static ClassDataSharing forThisJvm() {
    Path cache = Path.of(System.getProperty("java.io.tmpdir"), "mproc-cds-" + System.getProperty("user.name"));
    String training = System.getProperty(TRAINING_WORKER_ARCHIVE);
    return new ClassDataSharing(System.getProperty("java.class.path"), cache, training == null ? null : Path.of(training));
  }

  Path archive() {
    return archive;
  }

  Path parentArchive() {
    return parentArchive;
  }

  /** Present while a training run makes the archives. */
  Path lock() {
    return lock;
  }

  /** Present when this class path must not be reordered, so gets no archive. */
  Path unsafeMarker() {
    return unsafe;
  }

  /** Whether this class path has its archives (both kinds: a lone one is retrained). */
  public boolean available() {
    return !training && usable(archive) && usable(parentArchive);
  }

  private boolean usable(Path file) {
    return file != null && !jars.isEmpty() && Files.isRegularFile(file);
  }

  /** JVM options and class path for a worker: with its archive, and the jars first, when there is one. */
  public List<String> jvmOptions() {
    if (training) {
      return List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", classPath);
    }
    return optionsWith(archive);
  }

  /** JVM options and class path for the parent JVM {@code mproc.TestNG} restarts. */
  public List<String> parentJvmOptions() {
    return training ? List.of("-cp", classPath) : optionsWith(parentArchive);
  }

  private List<String> optionsWith(Path file) {
    if (!usable(file)) {
      return List.of("-cp", classPath);
    }
    if (marked.add(file)) {
      CdsArchiveFiles.markUsed(file);
    }
    List<String> reordered = new ArrayList<>(jars);
    reordered.addAll(others);
    return List.of(
        "-XX:SharedArchiveFile=" + file, "-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
        "-cp", String.join(File.pathSeparator, reordered));
  }

  /**
   * Starts the training in the background if this class path has no archives yet (and nobody is
   * making them, and it was not found unsafe). It outlives this JVM by a few seconds, at most
   * {@link CdsTraining#LIMIT_SECONDS}.
   */
  public void trainInBackground() {
    if (training || archive == null || jars.isEmpty() || available() || Files.exists(unsafe)) {
      return;
    }
    boolean started = false;
    String token = null;
    try {
      Files.createDirectories(archive.getParent());
      token = CdsArchiveFiles.takeLock(lock, STALE_LOCK_MILLIS);
      if (token == null || available()) {
        return; // another run is making them, or just made them
      }
      String shadowed = CdsArchiveFiles.shadowedByADirectory(jars, others);
      if (shadowed != null) {
        log().debug("no CDS archive: the jars cannot go first, as {} would then be found in the jar", shadowed);
        Files.writeString(unsafe, shadowed + "\n");
        return;
      }
      removeOldArchives();
      String jarsOnly = String.join(File.pathSeparator, jars);
      List<String> command = WorkerCommand.javaWithChronicleFlags();
      command.addAll(List.of("-cp", jarsOnly, CdsTraining.class.getName()));
      command.addAll(List.of(lock.toString(), token, parentArchive.toString(), archive.toString(), jarsOnly));
      Path log = archive.resolveSibling(archive.getFileName() + ".log");
      Path workDir = Files.createDirectories(archive.resolveSibling("training"));
      new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
      started = true; // the training removes the lock
      log().debug("training CDS archives: {}", command);
    } catch (IOException | RuntimeException e) {
      // No archive is only slower: the run itself has passed, and it says nothing to the user.
      log().debug("no CDS archives: {}", e.toString());
    } finally {
      if (token != null && !started) {
        try {
          Files.deleteIfExists(lock);
        } catch (IOException e) {
          log().debug("cannot remove {}: {}", lock, e.toString());
        }
      }
    }
  }

  /** Keeps the archives of the class paths used last (this one's included) and removes the rest. */
  void removeOldArchives() throws IOException {
    CdsArchiveFiles.removeOldArchives(archive.getParent(), key, CLASS_PATHS_KEPT);
  }
}
