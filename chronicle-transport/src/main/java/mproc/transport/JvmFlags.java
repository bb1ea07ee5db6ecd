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

  /** The module flags (all but the first two only spare warnings and slower paths). */
  private static final List<String> MODULE_FLAGS =
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

  /**
   * Every flag for a JVM of this JVM's version: the module flags, and on JDK 23 and later (which know
   * the option; 17 would refuse to start) {@link #UNSAFE_MEMORY_ACCESS}.
   */
  public static final List<String> ALL = forFeatureVersion(Runtime.version().feature());

  /**
   * Lets Chronicle use {@code sun.misc.Unsafe}'s memory access without JDK 24+'s four lines of
   * "terminally deprecated method" warnings in each JVM (JEP 471/498). Known from JDK 23.
   */
  public static final String UNSAFE_MEMORY_ACCESS = "--sun-misc-unsafe-memory-access=allow";

  /** Every flag for a JVM of that feature version (17, 25...). */
  public static List<String> forFeatureVersion(int feature) {
    List<String> flags = new java.util.ArrayList<>(MODULE_FLAGS);
    if (feature >= 23) {
      flags.add(UNSAFE_MEMORY_ACCESS);
    }
    return List.copyOf(flags);
  }

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
