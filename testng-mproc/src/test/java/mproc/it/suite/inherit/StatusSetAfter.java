package mproc.it.suite.inherit;

import java.lang.reflect.Method;
import org.testng.ITestResult;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.Test;

/**
 * An {@code @AfterMethod} that takes the {@code ITestResult} and sets its status, as suites that
 * check soft assertions or known bugs after each test do: TestNG's listeners heard the first status,
 * its reports list the new one. The parent kept the first in its reports.
 */
public class StatusSetAfter {
  @Test
  public void passesThenFailed() {}

  @Test
  public void failsThenSkipped() {
    throw new AssertionError("a known bug");
  }

  @Test
  public void passesAndStays() {}

  @AfterMethod
  public void judge(Method method, ITestResult result) {
    if (method.getName().equals("passesThenFailed")) {
      result.setStatus(ITestResult.FAILURE);
    } else if (method.getName().equals("failsThenSkipped")) {
      result.setStatus(ITestResult.SKIP);
    }
  }
}
