package mproc.it.suite.broken;

import mproc.it.suite.RunLog;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;

/** Tests a failed {@code @BeforeSuite} skips, with a {@code @BeforeClass} that it skips too. */
public class NeedsTheServer {
  @BeforeClass
  public void connect() {
    RunLog.record("config connect");
  }

  @Test
  public void one() {
    RunLog.record("test one");
  }

  @Test
  public void two() {
    RunLog.record("test two");
  }

  @Test
  public void three() {
    RunLog.record("test three");
  }
}
