package mproc.it.suite;

import org.testng.ISuite;
import org.testng.ISuiteListener;

/** Records which annotation finder TestNG set the suite up with, in each JVM that starts it. */
public class FinderProbe implements ISuiteListener {
  @Override
  public void onStart(ISuite suite) {
    RunLog.record("finder " + suite.getAnnotationFinder().getClass().getSimpleName());
  }
}
