package mproc.it.suite;

import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

public class SlowA {
  @BeforeClass
  public void beforeClass() {
    RunLog.record("beforeClass SlowA");
  }

  @Test public void a1() throws Exception { work("a1"); }
  @Test public void a2() throws Exception { work("a2"); }
  @Test public void a3() throws Exception { work("a3"); }
  @Test public void a4() throws Exception { work("a4"); }
  @Test public void a5() throws Exception { work("a5"); }
  @Test public void a6() throws Exception { work("a6"); }

  static void work(String name) throws InterruptedException {
    RunLog.record("test " + name);
    Thread.sleep(250);
  }
}
