package mproc.it.suite.inherit;

import org.testng.annotations.Test;

/**
 * One method depends on a method of another class, the others on nothing: a session of one of the
 * others names this class, and TestNG, setting the run up, checks the dependency of every method of
 * it, so the other class must be in that run too (it stopped the run: "depending on method ...,
 * which is not annotated with @Test or not included").
 */
public class DependsAcross {
  @Test(dependsOnMethods = "mproc.it.suite.inherit.DependedOn.first")
  public void needsTheOther() throws InterruptedException {
    Thread.sleep(30);
  }

  @Test
  public void alone() throws InterruptedException {
    Thread.sleep(30);
  }

  @Test
  public void aloneToo() throws InterruptedException {
    Thread.sleep(30);
  }
}
