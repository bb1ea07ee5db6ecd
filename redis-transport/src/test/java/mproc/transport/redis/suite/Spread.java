package mproc.transport.redis.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import mproc.Global;
import mproc.GlobalFixture;
import org.testng.annotations.Test;

/**
 * A suite for several hosts: 24 tests of 250 ms in four classes, one of which fails, and one class
 * of which gets a global fixture. Each test notes
 * its name and JVM in {@code it.log} (each simulated host has its own) as it starts. With
 * {@code it.dieOnce} (a file), the first test a worker JVM starts on that host kills its JVM; with
 * {@code it.hangOnce}, it hangs; with {@code it.hangOnceInHostJvm}, the first test the host's own JVM
 * starts hangs.
 */
public class Spread {
  static void ran(Object test, String name) throws IOException, InterruptedException {
    Files.writeString(Path.of(System.getProperty("it.log")), test.getClass().getSimpleName() + "." + name + " "
        + ProcessHandle.current().pid() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    boolean inWorkerJvm = System.getProperty("mproc.worker.id") != null;
    holdUntilAJoinedWorkerRuns(inWorkerJvm);
    String dieOnce = System.getProperty("it.dieOnce");
    if (dieOnce != null && inWorkerJvm) {
      try {
        Files.createFile(Path.of(dieOnce));
        Runtime.getRuntime().halt(3);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // died once already
      }
    }
    String hangOnce = inWorkerJvm ? System.getProperty("it.hangOnce") : System.getProperty("it.hangOnceInHostJvm");
    if (hangOnce != null) {
      try {
        Files.createFile(Path.of(hangOnce));
        Thread.sleep(600_000);
      } catch (java.nio.file.FileAlreadyExistsException e) {
        // hung once already
      }
    }
    Thread.sleep(250);
  }

  /**
   * With {@code it.holdFor} (a file), a test waits (60 s at most) until the file exists. A worker JVM
   * of a host with {@code it.releaseFromWorker} creates it as it loads a test class, before any of
   * its tests asks the leader for a global fixture (which the leader serves between its own tests).
   * So the JVMs that start first cannot take every test before the joined host's worker JVM is
   * ready, however slow the machine.
   */
  private static void holdUntilAJoinedWorkerRuns(boolean inWorkerJvm) throws InterruptedException {
    String holdFor = System.getProperty("it.holdFor");
    if (holdFor == null || inWorkerJvm && Boolean.getBoolean("it.releaseFromWorker")) {
      return;
    }
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (!Files.exists(Path.of(holdFor)) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }

  static void releaseIfAJoinedWorker() {
    String holdFor = System.getProperty("it.holdFor");
    if (holdFor != null && System.getProperty("mproc.worker.id") != null && Boolean.getBoolean("it.releaseFromWorker")) {
      try {
        Files.writeString(Path.of(holdFor), "", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  public static class A {
    static {
      releaseIfAJoinedWorker();
    }

    @Test public void t1() throws Exception { ran(this, "t1"); }
    @Test public void t2() throws Exception { ran(this, "t2"); }
    @Test public void t3() throws Exception { ran(this, "t3"); }
    @Test public void t4() throws Exception { ran(this, "t4"); }
    @Test public void t5() throws Exception { ran(this, "t5"); }
    @Test public void fails() throws Exception {
      ran(this, "fails");
      throw new AssertionError("on purpose");
    }
  }

  public static class B {
    static {
      releaseIfAJoinedWorker();
    }

    @Test public void t1() throws Exception { ran(this, "t1"); }
    @Test public void t2() throws Exception { ran(this, "t2"); }
    @Test public void t3() throws Exception { ran(this, "t3"); }
    @Test public void t4() throws Exception { ran(this, "t4"); }
    @Test public void t5() throws Exception { ran(this, "t5"); }
    @Test public void t6() throws Exception { ran(this, "t6"); }
  }

  public static class C {
    static {
      releaseIfAJoinedWorker();
    }

    @Test public void t1() throws Exception { ran(this, "t1"); }
    @Test public void t2() throws Exception { ran(this, "t2"); }
    @Test public void t3() throws Exception { ran(this, "t3"); }
    @Test public void t4() throws Exception { ran(this, "t4"); }
    @Test public void t5() throws Exception { ran(this, "t5"); }
    @Test public void t6() throws Exception { ran(this, "t6"); }
  }

  /** Its tests note the run's global fixture as they got it ({@code it.log.tokens}); null in a plain TestNG run. */
  public static class D {
    static {
      releaseIfAJoinedWorker();
    }

    @Global("runToken") String token;

    /** Computed once, where the run's fixtures are (the leader), noted in {@code it.log.fixture}. */
    @GlobalFixture
    public static String runToken() throws IOException {
      long pid = ProcessHandle.current().pid();
      Files.writeString(Path.of(System.getProperty("it.log") + ".fixture"), pid + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return "token-" + pid;
    }

    private void ranWithToken(String name) throws Exception {
      ran(this, name);
      Files.writeString(Path.of(System.getProperty("it.log") + ".tokens"), "D." + name + " " + token + "\n",
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Test public void t1() throws Exception { ranWithToken("t1"); }
    @Test public void t2() throws Exception { ranWithToken("t2"); }
    @Test public void t3() throws Exception { ranWithToken("t3"); }
    @Test public void t4() throws Exception { ranWithToken("t4"); }
    @Test public void t5() throws Exception { ranWithToken("t5"); }
    @Test public void t6() throws Exception { ranWithToken("t6"); }
  }
}
