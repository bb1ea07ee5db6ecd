package mproc.it.suite.inherit;

import org.testng.annotations.Test;

/** What {@link DependsAcross#needsTheOther} depends on, in another class. */
public class DependedOn {
  @Test
  public void first() throws InterruptedException {
    Thread.sleep(30);
  }
}
