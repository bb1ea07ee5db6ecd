package mproc.it.suite.classend;

import java.nio.file.Files;
import java.nio.file.Path;
import mproc.it.suite.RunLog;
import org.testng.Assert;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * Each class sets JVM-wide state up in its {@code @BeforeClass} and needs it in every test, as a
 * class that makes its mocks there does; {@link ClassEndCleaner} clears it as each class ends.
 * {@link Long}'s second test (TestNG runs them in the order of their names) waits until a class has
 * ended in another JVM, so that the end is heard while {@code Long} is still running (the parent
 * takes the first class, {@code Long}, at once).
 */
public abstract class Holds {
  static volatile String state;

  @BeforeClass
  public void setUp() {
    state = getClass().getSimpleName();
  }

  @Test
  public void first() {
    check("first");
  }

  @Test
  public void second() throws Exception {
    if (this instanceof Long) {
      awaitAClassEndElsewhere();
    }
    check("second");
  }

  @Test
  public void third() {
    check("third");
  }

  @AfterClass
  public void tearDown() {
    RunLog.record("ended " + getClass().getSimpleName());
  }

  private void check(String name) {
    RunLog.record("test " + getClass().getSimpleName() + "." + name);
    Assert.assertEquals(state, getClass().getSimpleName(), "what this class's @BeforeClass set");
  }

  /** At most 20 s; then a little longer, so that the end's message has reached this JVM if it is the parent. */
  private static void awaitAClassEndElsewhere() throws Exception {
    String log = System.getProperty("it.log");
    String mine = " " + ProcessHandle.current().pid();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < deadline
        && Files.readAllLines(Path.of(log)).stream().noneMatch(l -> l.startsWith("ended ") && !l.endsWith(mine))) {
      Thread.sleep(20);
    }
    Thread.sleep(300);
  }

  public static class Long extends Holds {}

  public static class Short1 extends Holds {}

  public static class Short2 extends Holds {}
}
