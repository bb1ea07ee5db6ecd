package mproc.worker;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import mproc.reporting.CucumberReports;
import mproc.testng.CachingTestNG;
import mproc.testng.RunOptions;
import mproc.testng.SessionSuite;
import mproc.testng.TestInstances;
import org.testng.TestNG;
import org.testng.xml.XmlSuite;

/** TestNG as a worker runs it: a {@link Session}'s or a {@link ClosingRun}'s. */
final class WorkerTestNG {
  private WorkerTestNG() {}

  /** One TestNG run over these classes of the test, on the test's instances kept in this worker. */
  static void run(KnownTest test, Collection<String> classes, TestInstances instances, ConfigurationGate gate, Object... listeners) {
    XmlSuite suite = SessionSuite.narrow(test.suite, test.name, classes);
    instances.forTest(test.id, new HashSet<>(classes), test.suite.getObjectFactoryClass());
    gate.userConfigurables(SessionSuite.configurables(test.suite));
    gate.otherTestsClasses(test.suiteConfigClasses);
    CucumberReports.giveNextRunItsOwnFiles();
    TestNG testng = CachingTestNG.forWorker();
    testng.setObjectFactory(instances);
    RunOptions.apply(test.testngOptions, testng);
    testng.setVerbose(0);
    testng.setXmlSuites(List.of(suite));
    testng.addListener(gate);
    for (Object listener : listeners) {
      testng.addListener(listener);
    }
    testng.run();
  }
}
