package mproc.testng;

import org.testng.Assert;
import org.testng.ISuite;
import org.testng.ISuiteListener;
import org.testng.SkipException;
import org.testng.SuiteRunner;
import org.testng.annotations.Test;

/** A class for {@link CachingTestNGTest} to run by command line; not run otherwise (not named *Test). */
public class CommandLineSample {
  @Test(groups = "passes")
  public void passes() {}

  @Test(groups = "fails")
  public void fails() {
    Assert.fail("as planned");
  }

  @Test(groups = "skips")
  public void skips() {
    throw new SkipException("as planned");
  }

  /** Notes the annotation finder of the last suite run. */
  public static class FinderProbe implements ISuiteListener {
    static volatile Class<?> finder;

    @Override
    public void onStart(ISuite suite) {
      finder = ((SuiteRunner) suite).getAnnotationFinder().getClass();
    }
  }
}
