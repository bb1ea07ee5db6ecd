package mproc.it.suite.jvm;

import org.testng.IExecutionListener;

/** Turns assertions on as Surefire's fork does ({@code enableAssertions}): through the class loader, with no {@code -ea}. */
public class EnablesAssertionsAsSurefire implements IExecutionListener {
  @Override
  public void onExecutionStart() {
    ClassLoader.getSystemClassLoader().setDefaultAssertionStatus(true);
  }
}
