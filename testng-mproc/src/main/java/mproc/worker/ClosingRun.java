package mproc.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import mproc.fixtures.FixtureInjector;
import mproc.testng.TestInstances;
import mproc.transport.Channel;
import mproc.transport.Message.Working;
import org.testng.IConfigurationListener;
import org.testng.IMethodInterceptor;
import org.testng.IMethodInstance;
import org.testng.ITestContext;
import org.testng.ITestResult;

/**
 * The run that ends a test in a worker: TestNG over the test's configuration classes with no test
 * methods, so that only {@code @AfterTest} and {@code @AfterSuite} run.
 */
final class ClosingRun implements IMethodInterceptor, IConfigurationListener {
  private final KnownTest test;
  private final Channel results;

  ClosingRun(KnownTest test, Channel results) {
    this.test = test;
    this.results = results;
  }

  void run(ConfigurationGate gate, FixtureInjector injector, TestInstances instances) {
    test.closed = true;
    List<String> classes = new ArrayList<>(test.configClasses);
    classes.addAll(test.suiteConfigClasses);
    if (classes.isEmpty()) {
      return;
    }
    String suite = test.suite.getName();
    gate.closing(Set.of(ConfigurationGate.testScope(suite, test.name), ConfigurationGate.suiteScope(suite)));
    try {
      WorkerTestNG.run(test, classes, instances, gate, injector, this);
    } finally {
      gate.closing(Set.of());
    }
  }

  @Override
  public List<IMethodInstance> intercept(List<IMethodInstance> methods, ITestContext context) {
    return List.of();
  }

  @Override
  public void beforeConfiguration(ITestResult r) {
    SessionReporter.sendWorking(test, results, r.getMethod(), Working.Kind.CONFIGURATION);
  }

  @Override
  public void onConfigurationSuccess(ITestResult r) {
    SessionReporter.sendWorking(test, results, r.getMethod(), Working.Kind.OVER);
  }

  @Override
  public void onConfigurationFailure(ITestResult r) {
    SessionReporter.sendConfiguration(test, results, r);
  }

  @Override
  public void onConfigurationSkip(ITestResult r) {
    SessionReporter.sendConfiguration(test, results, r);
  }
}
