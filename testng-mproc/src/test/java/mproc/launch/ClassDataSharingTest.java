package mproc.launch;

import mproc.TempDirs;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

public class ClassDataSharingTest {
  private Path dir;

  @BeforeMethod
  public void makeDirectory() throws Exception {
    dir = TempDirs.directory("mproc-cds-test");
  }

  @AfterMethod(alwaysRun = true)
  public void removeDirectory() throws Exception {
    try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Path jarWith(Path dir, String entry) throws Exception {
    return jarWithEntries(dir.resolve("lib.jar"), entry);
  }

  /** What {@code classes} (a class directory) shadows of {@code jar}. */
  private String shadowedIn(Path jar, Path classes) throws Exception {
    return CdsArchiveFiles.shadowedByADirectory(List.of(jar.toString()), List.of(classes.toString()));
  }

  /** The class directory {@code classes}, with these (empty) files in it. */
  private Path classesWith(String... files) throws Exception {
    Path classes = dir.resolve("classes");
    for (String file : files) {
      Files.createDirectories(classes.resolve(file).getParent());
      Files.createFile(classes.resolve(file));
    }
    return classes;
  }

  @Test
  public void withAnArchiveTheJarsComeFirstInTheirOrderAndTheDirectoriesAfter() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path jar = jarWith(dir, "lib/A.class");
    String classPath = classes + File.pathSeparator + jar;
    ClassDataSharing cds = new ClassDataSharing(classPath, dir.resolve("cache"));
    assertEquals(cds.jvmOptions(), List.of("-cp", classPath), "no archive yet: the class path as it is");
    Files.createDirectories(dir.resolve("cache"));
    Files.createFile(cds.archive());
    List<String> options = cds.jvmOptions();
    assertTrue(options.contains("-XX:SharedArchiveFile=" + cds.archive()), options.toString());
    assertEquals(options.get(options.size() - 1), jar + File.pathSeparator + classes);
  }

  @Test
  public void theArchiveKeyHashIsFnv1a64() {
    assertEquals(CdsArchiveFiles.fnv1a64(new byte[0]), 0xcbf29ce484222325L);
    assertEquals(CdsArchiveFiles.fnv1a64("a".getBytes(java.nio.charset.StandardCharsets.UTF_8)), 0xaf63dc4c8601ec8cL);
  }

  @Test
  public void theFilesOfTheFiveClassPathsUsedLastAreKeptWholeAndTheRestRemoved() throws Exception {
    Path cache = Files.createDirectories(dir.resolve("cache"));
    ClassDataSharing cds = new ClassDataSharing(jarWith(dir, "lib/A.class").toString(), cache);
    long now = System.currentTimeMillis();
    for (int i = 0; i < 7; i++) { // key0 is the newest
      for (String suffix : List.of(".worker.jsa", ".parent.jsa", ".worker.jsa.log", ".worker.jsa.part")) {
        Path f = Files.createFile(cache.resolve("key" + i + suffix));
        Files.setLastModifiedTime(f, java.nio.file.attribute.FileTime.fromMillis(now - i * 60_000L - suffix.length()));
      }
    }
    Files.createFile(cds.archive()); // this class path's, oldest of all: kept
    Files.setLastModifiedTime(cds.archive(), java.nio.file.attribute.FileTime.fromMillis(now - 3_600_000L));
    cds.removeOldArchives();
    try (java.util.stream.Stream<Path> left = Files.list(cache)) {
      java.util.Set<String> keys = new java.util.TreeSet<>();
      left.forEach(f -> keys.add(f.getFileName().toString().substring(0, f.getFileName().toString().indexOf('.'))));
      String current = cds.archive().getFileName().toString();
      assertEquals(keys, new java.util.TreeSet<>(List.of("key0", "key1", "key2", "key3", current.substring(0, current.indexOf('.')))));
    }
    for (int i = 0; i < 4; i++) {
      assertTrue(Files.exists(cache.resolve("key" + i + ".worker.jsa")) && Files.exists(cache.resolve("key" + i + ".parent.jsa")), "key" + i + " whole");
    }
  }

  /** A class both in a directory and in a jar: with the jars first, the jar's would load. */
  @Test
  public void aDirectoryThatHoldsAClassOfAJarGetsNoArchive() throws Exception {
    Path classes = classesWith("lib/A.class");
    Path jar = jarWith(dir, "lib/A.class");
    ClassDataSharing cds = new ClassDataSharing(classes + File.pathSeparator + jar, dir.resolve("cache"));
    cds.trainInBackground();
    assertTrue(Files.exists(cds.unsafeMarker()));
    assertTrue(Files.readString(cds.unsafeMarker()).startsWith("lib/A.class (in " + jar), Files.readString(cds.unsafeMarker()));
    assertFalse(cds.available());
  }

  /** A resource both in a directory and in a jar (a logging configuration): with the jars first, the jar's would be read. */
  @Test
  public void aResourceOfAJarInADirectoryIsShadowed() throws Exception {
    Path classes = classesWith("app/App.class", "logback-test.xml");
    Path jar = jarWith(dir, "logback-test.xml");
    assertEquals(shadowedIn(jar, classes),
        "logback-test.xml (in " + jar + " and a class directory)");
  }

  /**
   * Tests in the package of the code they test, which is a jar without directory entries: each class
   * loads from the one place that has it in either order, so the class path gets an archive. So do
   * two modular class path entries' descriptors, and a jar's {@code org/} beside the directory's.
   */
  @Test
  public void aPackageSplitBetweenADirectoryAndAJarIsNoShadow() throws Exception {
    Path classes = classesWith("org/lib/ATest.class", "module-info.class");
    Path jar = jarWithEntries(dir.resolve("lib.jar"), "module-info.class", "org/", "org/lib/A.class");
    assertNull(shadowedIn(jar, classes));
  }

  /**
   * The same split package, where the jar has an entry for the package's directory, as Maven's jars
   * do: {@code ATest.class.getResource("")} would answer with the jar's directory.
   */
  @Test
  public void aPackageDirectoryThatAJarHasAnEntryForIsShadowed() throws Exception {
    Path classes = classesWith("org/lib/ATest.class");
    Path jar = jarWithEntries(dir.resolve("lib.jar"), "org/", "org/lib/", "org/lib/A.class");
    assertEquals(shadowedIn(jar, classes),
        "org/lib/ (in " + jar + " and a class directory)");
  }

  /** A class directory that is a link is read through it. */
  @Test
  public void aLinkedClassDirectoryIsRead() throws Exception {
    Files.createDirectories(dir.resolve("real/lib"));
    Files.createFile(dir.resolve("real/lib/A.class"));
    Path link = Files.createSymbolicLink(dir.resolve("classes"), dir.resolve("real"));
    Path jar = jarWithEntries(dir.resolve("lib.jar"), "lib/A.class");
    assertEquals(shadowedIn(jar, link),
        "lib/A.class (in " + jar + " and a class directory)");
  }

  /** A multi-release jar's class for this JDK's version, which the class loader finds under its plain name. */
  @Test
  public void aMultiReleaseJarIsReadForThisVersion() throws Exception {
    Path classes = classesWith("lib/Only11.class");
    Path jar = dir.resolve("mr.jar");
    java.util.jar.Manifest manifest = new java.util.jar.Manifest();
    manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(new java.util.jar.Attributes.Name("Multi-Release"), "true");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      out.putNextEntry(new ZipEntry("META-INF/versions/11/lib/Only11.class"));
      out.closeEntry();
    }
    assertEquals(shadowedIn(jar, classes),
        "lib/Only11.class (in " + jar + " and a class directory)");
  }

  private static Path jarWithEntries(Path jar, String... entries) throws Exception {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String entry : entries) {
        out.putNextEntry(new ZipEntry(entry));
        out.closeEntry();
      }
    }
    return jar;
  }

  @Test
  public void aLauncherJarsManifestClassPathBecomesTheWorkersClassPath() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("test classes"));
    Path lib = jarWith(dir, "lib/A.class");
    java.util.jar.Manifest manifest = new java.util.jar.Manifest();
    manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(java.util.jar.Attributes.Name.CLASS_PATH, classes.toUri() + " " + lib.toUri());
    Path booter = dir.resolve("surefirebooter123.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(booter), manifest)) {
      // Surefire's booter jar: a manifest and nothing else
    }
    assertEquals(ClassDataSharing.expandLauncherJar(booter.toString()), classes + File.pathSeparator + lib);
    assertEquals(ClassDataSharing.expandLauncherJar(lib.toString()), lib.toString(), "an ordinary jar stays");
    Path testsJar = dir.resolve("tests.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(testsJar), manifest)) {
      out.putNextEntry(new ZipEntry("app/SomeTest.class"));
      out.closeEntry();
    }
    assertEquals(ClassDataSharing.expandLauncherJar(testsJar.toString()), testsJar + File.pathSeparator + classes + File.pathSeparator + lib,
        "a jar with classes of its own keeps them, first");
  }

  /**
   * A real training run: each JVM kind gets an archive that it can map and that holds what it loads
   * on the way to its first test (the worker's session, the parent's planner, reporters and own session).
   */
  @Test(timeOut = 180_000)
  public void trainingWritesAParentAndAWorkerArchiveFromARealRun() throws Exception {
    List<String> jars = new java.util.ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (Files.isDirectory(p)) {
        jars.add(jarOf(p, dir.resolve("jar" + jars.size() + ".jar")).toString());
      } else if (entry.endsWith(".jar")) {
        jars.add(entry);
      }
    }
    String classPath = String.join(File.pathSeparator, jars);
    ClassDataSharing cds = new ClassDataSharing(classPath, dir.resolve("cache"));
    Path tmpTarget = Path.of(System.getProperty("java.io.tmpdir"), "target");
    boolean tmpTargetBefore = Files.exists(tmpTarget);
    cds.trainInBackground();
    Path lock = cds.lock();
    assertTrue(Files.exists(lock), "training started");
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(150);
    while (Files.exists(lock) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    Path log = cds.archive().resolveSibling(cds.archive().getFileName() + ".log");
    assertTrue(cds.available(), "no worker archive; training log:\n" + (Files.exists(log) ? Files.readString(log) : "none"));
    assertTrue(Files.isRegularFile(cds.parentArchive()), "no parent archive");
    // Chronicle makes java.io.tmpdir/target in a JVM whose working directory has no target or build
    // directory up from it, as the training's temporary one has not: nothing is left behind.
    assertTrue(tmpTargetBefore || !Files.exists(tmpTarget), "the training left " + tmpTarget + " behind");

    String worker = loadedFrom(cds.jvmOptions(), "mproc.worker.Session", "org.testng.xml.internal.Parser");
    assertTrue(worker.contains("mproc.worker.Session source: shared objects file"), worker);
    assertTrue(worker.contains("org.testng.xml.internal.Parser source: shared objects file"), worker);
    String parent = loadedFrom(cds.parentJvmOptions(), "mproc.planning.Planner", "org.testng.reporters.JUnitReportReporter",
        "mproc.worker.InProcessWorker", "mproc.worker.Session");
    assertTrue(parent.contains("mproc.planning.Planner source: shared objects file"), parent);
    assertTrue(parent.contains("org.testng.reporters.JUnitReportReporter source: shared objects file"), parent);
    // The parent runs tests too (two or more cores): its own sessions' classes come from its archive.
    assertTrue(parent.contains("mproc.worker.InProcessWorker source: shared objects file"), parent);
    assertTrue(parent.contains("mproc.worker.Session source: shared objects file"), parent);
  }

  /** Loads the classes in a JVM started with these options (an archive that must map) and returns its class-load log. */
  private static String loadedFrom(List<String> options, String... classes) throws Exception {
    List<String> command = WorkerCommand.javaWithChronicleFlags();
    command.add("-Xlog:class+load=info");
    options.forEach(o -> command.add(o.equals("-Xshare:auto") ? "-Xshare:on" : o));
    command.add(ClassLoadProbe.class.getName());
    command.addAll(List.of(classes));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(p.waitFor(), 0, output);
    return output;
  }

  private static Path jarOf(Path classes, Path jar) throws Exception {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        java.util.stream.Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new ZipEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
        Files.copy(f, out);
        out.closeEntry();
      }
    }
    return jar;
  }
}
