package mproc.launch;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
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
    dir = Files.createTempDirectory("mproc-cds-test");
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
    Path jar = dir.resolve("lib.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new ZipEntry(entry));
      out.closeEntry();
    }
    return jar;
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
  public void aDirectoryThatHoldsAPackageOfAJarGetsNoArchive() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes/lib"));
    Files.createFile(classes.resolve("Patched.class"));
    Path jar = jarWith(dir, "lib/A.class");
    ClassDataSharing cds = new ClassDataSharing(dir.resolve("classes") + File.pathSeparator + jar, dir.resolve("cache"));
    cds.trainInBackground();
    assertTrue(Files.exists(cds.archive().resolveSibling(cds.archive().getFileName().toString().replace(".jsa", ".unsafe"))));
    assertFalse(cds.available());
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
      out.putNextEntry(new ZipEntry("x.txt"));
      out.closeEntry();
    }
    assertEquals(ClassDataSharing.expandLauncherJar(booter.toString()), classes + File.pathSeparator + lib);
    assertEquals(ClassDataSharing.expandLauncherJar(lib.toString()), lib.toString(), "an ordinary jar stays");
  }
}
