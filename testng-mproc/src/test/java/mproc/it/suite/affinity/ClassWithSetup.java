package mproc.it.suite.affinity;

import mproc.it.suite.RunLog;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/**
 * A class with a costly {@code @BeforeClass}; its four subclasses make a suite of four classes. A
 * test holds (30 s at most) until tests have run in two JVMs, so that the first JVM to run tests
 * cannot take all four classes before the second is ready, however slow the machine (CI: a JVM
 * making class-data sharing archives beside it).
 */
public abstract class ClassWithSetup {
  @BeforeClass
  public void setUp() {
    RunLog.record("beforeClass " + getClass().getSimpleName());
  }

  @Test public void t1() throws Exception { work("t1"); }
  @Test public void t2() throws Exception { work("t2"); }
  @Test public void t3() throws Exception { work("t3"); }
  @Test public void t4() throws Exception { work("t4"); }

  private void work(String name) throws InterruptedException {
    RunLog.record("test " + getClass().getSimpleName() + "." + name);
    RunLog.awaitJvms("test ", 2, 30);
    Thread.sleep(100);
  }
}
