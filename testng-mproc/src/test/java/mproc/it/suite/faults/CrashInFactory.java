package mproc.it.suite.faults;

import mproc.it.suite.RunLog;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Factory;
import org.testng.annotations.Test;

/** Two instances of one test; instance 0 kills its JVM in its second row. */
public class CrashInFactory {
  private final int id;

  @Factory
  public static Object[] instances() {
    return new Object[] {new CrashInFactory(0), new CrashInFactory(1)};
  }

  public CrashInFactory(int id) {
    this.id = id;
  }

  @DataProvider
  public Object[][] rows() {
    return new Object[][] {{1}, {2}};
  }

  @Test(dataProvider = "rows")
  public void row(int n) {
    RunLog.record("test row " + id + "." + n);
    if (id == 0 && n == 2) {
      Runtime.getRuntime().halt(7);
    }
  }

  @Override
  public String toString() {
    return "factory-" + id;
  }
}
