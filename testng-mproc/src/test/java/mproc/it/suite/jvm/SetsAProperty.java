package mproc.it.suite.jvm;

import org.testng.IExecutionListener;

/** Sets a system property with {@code System.setProperty} before the run starts, as Surefire does with Maven's user properties. */
public class SetsAProperty implements IExecutionListener {
  @Override
  public void onExecutionStart() {
    System.setProperty("it.setAtRunTime", "yes");
  }
}
