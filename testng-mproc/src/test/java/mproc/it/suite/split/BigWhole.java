package mproc.it.suite.split;

import mproc.it.suite.RunLog;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** The same shape without {@code @SplitClass}: one unit, one worker. */
public class BigWhole {
  @BeforeClass
  public void connect() {
    RunLog.record("beforeClass BigWhole");
  }

  @Test public void w1() throws Exception { work("w1"); }
  @Test public void w2() throws Exception { work("w2"); }
  @Test public void w3() throws Exception { work("w3"); }
  @Test public void w4() throws Exception { work("w4"); }

  private void work(String name) throws InterruptedException {
    RunLog.record("test BigWhole." + name);
    Thread.sleep(150);
  }
}
