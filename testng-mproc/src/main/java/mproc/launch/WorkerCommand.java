package mproc.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mproc.settings.Settings;
import mproc.transport.ChronicleProperties;
import mproc.transport.JvmFlags;

/**
 * The command line of a worker JVM: the parent's java and class path (in its order), the flags
 * Chronicle needs, Chronicle kept quiet, the parent's own JVM options ({@link InheritedOptions}), the
 * user's extra options ({@code mproc.jvmArgs}, last, so they win), and the worker's id.
 */
public final class WorkerCommand {
  /**
   * For a JVM that lives for one run, before the user's options (which win):
   *
   * <ul>
   *   <li>compile 5 times later than the JIT's server defaults. A worker spent 0.8 CPU-s in C2
   *       compiling start-up code it would not run again; on 2 cores that delays the other workers'
   *       start. Hot test code is still compiled (a CPU-bound suite ran no slower).
   *   <li>leave {@code Annotation.toString()} to C1. TestNG keys its annotation cache by that string
   *       ({@code JDK15AnnotationFinder}, 7.12.0), so every JVM calls it thousands of times while it
   *       sets up a run, and C2 then spent 0.45 of a worker's 0.87 CPU-s compiling it (inlining makes
   *       it a 40 kB method). With a node limit that small C2 gives up at once and C1 compiles it.
   *       {@code quiet}: the JVM would print each command.
   * </ul>
   */
  public static final List<String> JIT_OPTIONS = List.of(
      "-XX:CompileThresholdScaling=5",
      "-XX:CompileCommand=quiet",
      "-XX:CompileCommand=MaxNodeLimit,sun/reflect/annotation/AnnotationInvocationHandler.*,1000");

  private WorkerCommand() {}

  /**
   * @param classDataSharing the archive to start from, if there is one (it also decides the order of
   *     the class path)
   */
  public static List<String> of(
      Path runDirectory, int workerId, InheritedOptions parent, List<String> userJvmArgs, ClassDataSharing classDataSharing) {
    List<String> command = javaWithChronicleFlags();
    command.addAll(JIT_OPTIONS);
    for (String arg : parent.inherited()) {
      if (!command.contains(arg)) {
        command.add(arg); // after our JIT options: the user's own -XX win
      }
    }
    command.addAll(mproc.reporting.QuietLogging.workerJvmOptions()); // logging as in this JVM
    command.addAll(userJvmArgs);
    command.add("-D" + Settings.WORKER_ID + "=" + workerId);
    command.addAll(classDataSharing.jvmOptions());
    command.add("mproc.worker.WorkerMain");
    command.add(runDirectory.toString());
    command.add(String.valueOf(workerId));
    command.add(String.valueOf(ProcessHandle.current().pid()));
    return command;
  }

  /** This JVM's java with the flags Chronicle needs and Chronicle kept quiet: how every JVM we start begins. */
  public static List<String> javaWithChronicleFlags() {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(JvmFlags.ALL);
    command.addAll(ChronicleProperties.asJvmOptions());
    return command;
  }

  static String javaExecutable() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }
}
