package mproc.it.suite.retry;

import org.testng.IRetryAnalyzer;
import org.testng.ITestResult;

/** Retries a failed test once (TestNG makes one per test method). */
public class RetryOnce implements IRetryAnalyzer {
  private int retries;

  @Override
  public boolean retry(ITestResult result) {
    return retries++ < 1;
  }
}
