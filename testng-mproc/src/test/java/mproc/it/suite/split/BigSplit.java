package mproc.it.suite.split;

import mproc.SplitClass;
import mproc.it.suite.RunLog;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** One big class whose class configuration may run in each worker ({@link SplitClass}). */
@SplitClass
public class BigSplit {
  @BeforeClass
  public void connect() {
    RunLog.record("beforeClass BigSplit");
  }

  @AfterClass
  public void disconnect() {
    RunLog.record("afterClass BigSplit");
  }

  @Test public void t1() throws Exception { work("t1"); }
  @Test public void t2() throws Exception { work("t2"); }
  @Test public void t3() throws Exception { work("t3"); }
  @Test public void t4() throws Exception { work("t4"); }
  @Test public void t5() throws Exception { work("t5"); }
  @Test public void t6() throws Exception { work("t6"); }
  @Test public void t7() throws Exception { work("t7"); }
  @Test public void t8() throws Exception { work("t8"); }
  @Test public void t9() throws Exception { work("t9"); }
  @Test public void t10() throws Exception { work("t10"); }
  @Test public void t11() throws Exception { work("t11"); }
  @Test public void t12() throws Exception { work("t12"); }

  private void work(String name) throws InterruptedException {
    RunLog.record("test BigSplit." + name);
    Thread.sleep(300);
  }
}
