package mproc.transport;

import java.util.List;

/**
 * The module flags a JVM needs to open a Chronicle queue on Java 17+. Without the first two,
 * {@code build()} fails with "member is private: sun.nio.ch.FileChannelImpl.map0"; without the rest
 * Chronicle warns and runs slower.
 */
public final class JvmFlags {
  public static final List<String> REQUIRED =
      List.of(
          "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED");

  public static final List<String> ALL =
      List.of(
          "--add-exports=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-exports=java.base/jdk.internal.ref=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports=jdk.unsupported/sun.misc=ALL-UNNAMED",
          "--add-exports=java.base/jdk.internal.misc=ALL-UNNAMED",
          "--add-exports=java.base/jdk.internal.util=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=jdk.compiler/com.sun.tools.javac=ALL-UNNAMED");

  private JvmFlags() {}

  /** Whether this JVM was started with the flags Chronicle cannot run without. */
  public static boolean presentInThisJvm() {
    Module unnamed = JvmFlags.class.getClassLoader().getUnnamedModule();
    return java.lang.ModuleLayer.boot()
        .findModule("java.base")
        .map(base -> base.isExported("sun.nio.ch", unnamed) && base.isOpen("java.lang.reflect", unnamed))
        .orElse(false);
  }
}
