package mproc.it.suite;

import java.util.Arrays;
import java.util.List;
import org.testng.IInvokedMethod;
import org.testng.IReporter;
import org.testng.ISuite;
import org.testng.ITestListener;
import org.testng.ITestResult;
import org.testng.Reporter;
import org.testng.xml.XmlSuite;

/**
 * A user's listener in the parent that records what a listener can see of each test as it starts and
 * finishes: the wall-clock time, the result's identity, its name as Surefire builds it (parameters and
 * the method's current invocation count), its parameter index; and at the end the suite's invoked methods.
 */
public class ReportProbe implements ITestListener, IReporter {
  @Override public void onTestStart(ITestResult r) { record("start", r); }
  @Override public void onTestSuccess(ITestResult r) { record("PASS", r); }
  @Override public void onTestFailure(ITestResult r) { record("FAIL", r); }
  @Override public void onTestSkipped(ITestResult r) { record("SKIP", r); }

  private static void record(String what, ITestResult r) {
    RunLog.record("probe " + what + " " + r.getMethod().getMethodName() + " name=" + surefireName(r)
        + " count=" + r.getMethod().getCurrentInvocationCount() + " index=" + r.getParameterIndex()
        + " status=" + r.getStatus() + " current=" + (Reporter.getCurrentTestResult() == r)
        + " result=" + System.identityHashCode(r) + " at=" + System.currentTimeMillis());
  }

  /** As Surefire's TestNG provider names a test: parameters and invocation count when it has parameters. */
  private static String surefireName(ITestResult r) {
    Object[] p = r.getParameters();
    String name = r.getName();
    return (p == null || p.length == 0 ? name : name + Arrays.toString(p) + "(" + r.getMethod().getCurrentInvocationCount() + ")")
        .replace(' ', '_');
  }

  @Override
  public void generateReport(List<XmlSuite> xmlSuites, List<ISuite> suites, String outputDirectory) {
    for (ISuite suite : suites) {
      List<IInvokedMethod> invoked = suite.getAllInvokedMethods();
      long tests = invoked.stream().filter(IInvokedMethod::isTestMethod).count();
      RunLog.record("probe invoked tests=" + tests + " all=" + invoked.size());
    }
  }
}
