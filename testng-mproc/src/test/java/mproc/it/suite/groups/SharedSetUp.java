package mproc.it.suite.groups;

import mproc.it.suite.RunLog;
import org.testng.annotations.AfterGroups;
import org.testng.annotations.BeforeGroups;
import org.testng.annotations.Test;

/** A TestNG group's set-up, teardown and methods, which each subclass runs as its own. */
public abstract class SharedSetUp {
  @BeforeGroups("shared")
  public void openShared() {
    RunLog.record("before-group shared");
  }

  @AfterGroups("shared")
  public void closeShared() {
    RunLog.record("after-group shared");
  }

  /** A second group's teardown: a method in both must not keep "shared" from ending where "extra" never starts. */
  @AfterGroups("extra")
  public void closeExtra() {
    RunLog.record("after-group extra");
  }

  @Test(groups = "shared")
  public void first() throws InterruptedException {
    run("first");
  }

  @Test(groups = {"shared", "extra"})
  public void second() throws InterruptedException {
    run("second");
  }

  @Test
  public void outside() throws InterruptedException {
    Thread.sleep(50);
  }

  private void run(String method) throws InterruptedException {
    RunLog.record("test " + getClass().getSimpleName() + "." + method);
    Thread.sleep(300);
  }
}
