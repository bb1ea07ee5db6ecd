package mproc.it.suite.quiet;

import mproc.it.suite.RunLog;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** A static configuration method, which TestNG warns about each time it sets the class up. */
public class StaticSetUp {
  @BeforeClass
  public static void setUp() {
    RunLog.record("beforeClass StaticSetUp");
  }

  @Test public void s1() throws Exception { work("s1"); }
  @Test public void s2() throws Exception { work("s2"); }
  @Test public void s3() throws Exception { work("s3"); }
  @Test public void s4() throws Exception { work("s4"); }

  static void work(String name) throws InterruptedException {
    RunLog.record("test " + name);
    Thread.sleep(250);
  }
}
