package mproc.it.suite.live;

import org.testng.annotations.Test;

public class LiveA {
  @Test public void a1() throws Exception { work("a1"); }
  @Test public void a2() throws Exception { work("a2"); }
  @Test public void a3() throws Exception { work("a3"); }
  @Test public void a4() throws Exception { work("a4"); }
  @Test public void a5() throws Exception { work("a5"); }
  @Test public void a6() throws Exception { work("a6"); }

  private static void work(String name) throws InterruptedException {
    LiveLog.ran("LiveA." + name);
    Thread.sleep(200);
  }
}
