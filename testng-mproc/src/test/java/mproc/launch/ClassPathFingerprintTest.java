package mproc.launch;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mproc.TempDirs;
import org.testng.annotations.Test;

public class ClassPathFingerprintTest {
  /** Two hosts with the same build in different places: a jar in another directory, classes under another project root. */
  @Test
  public void theSameBuildInOtherPlacesHasTheSameFingerprint() throws Exception {
    Path one = build(TempDirs.directory("host-a"), "v1");
    Path two = build(TempDirs.directory("host-b"), "v1");
    ClassPathFingerprint a = ClassPathFingerprint.of(classPath(one), one);
    ClassPathFingerprint b = ClassPathFingerprint.of(classPath(two), two);
    assertEquals(a, b);
    assertEquals(a.entries().get(0).name(), "target/classes");
    assertEquals(a.entries().get(1).name(), "lib-1.0.jar");
    assertNull(b.firstDifferenceFrom(a));
    assertEquals(ClassPathFingerprint.parse(a.text()), a, "as the leader publishes it");
  }

  @Test
  public void aHostWithAnotherBuildIsToldTheFirstEntryThatDiffers() throws Exception {
    Path leader = build(TempDirs.directory("leader"), "v1");
    Path host = build(TempDirs.directory("host"), "v2"); // one class file differs
    ClassPathFingerprint theirs = ClassPathFingerprint.of(classPath(leader), leader);
    assertEquals(ClassPathFingerprint.of(classPath(host), host).firstDifferenceFrom(theirs),
        "class path entry 1, target/classes, holds other contents here than on the leader");

    Path renamed = build(TempDirs.directory("renamed"), "v1");
    Files.move(renamed.resolve("lib-1.0.jar"), renamed.resolve("lib-1.1.jar"));
    List<Path> cp = List.of(renamed.resolve("target/classes"), renamed.resolve("lib-1.1.jar"));
    assertEquals(ClassPathFingerprint.of(cp, renamed).firstDifferenceFrom(theirs),
        "class path entry 2 is lib-1.1.jar here and lib-1.0.jar on the leader");
    assertEquals(ClassPathFingerprint.of(cp.subList(0, 1), renamed).firstDifferenceFrom(theirs),
        "the class path has 1 entry here and 2 on the leader; the first one only the leader has is lib-1.0.jar");
    assertEquals(ClassPathFingerprint.of(List.of(leader.resolve("gone.jar")), leader).entries().get(0).digest(), "missing");
  }

  private static Path build(Path root, String version) throws Exception {
    Path classes = Files.createDirectories(root.resolve("target/classes/com/example"));
    Files.writeString(classes.resolve("A.class"), "class A " + version);
    Files.writeString(classes.resolve("B.class"), "class B");
    Files.write(root.resolve("lib-1.0.jar"), new byte[] {'P', 'K', 3, 4, 1, 2, 3});
    return root;
  }

  private static List<Path> classPath(Path root) {
    return List.of(root.resolve("target/classes"), root.resolve("lib-1.0.jar"));
  }
}
