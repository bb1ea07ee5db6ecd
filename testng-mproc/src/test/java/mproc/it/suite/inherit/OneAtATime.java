package mproc.it.suite.inherit;

import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

/**
 * {@code singleThreaded}: its methods must never run at once (jclouds-filesystem's share a directory
 * each makes and deletes), so one JVM runs them all, though the class has no class configuration.
 * They were spread over the workers like any others.
 */
@Test(singleThreaded = true)
public class OneAtATime {
  private void step(String name) throws InterruptedException {
    RunLog.record("one-at-a-time " + name);
    Thread.sleep(400); // long enough that a second worker comes to share the class
  }

  public void a() throws InterruptedException {
    step("a");
  }

  public void b() throws InterruptedException {
    step("b");
  }

  public void c() throws InterruptedException {
    step("c");
  }

  public void d() throws InterruptedException {
    step("d");
  }

  public void e() throws InterruptedException {
    step("e");
  }

  public void f() throws InterruptedException {
    step("f");
  }

  public void g() throws InterruptedException {
    step("g");
  }

  public void h() throws InterruptedException {
    step("h");
  }
}
