package mproc.it.suite.inherit;

import java.util.List;
import mproc.it.suite.RunLog;
import org.testng.IAlterSuiteListener;
import org.testng.IExecutionListener;
import org.testng.IReporter;
import org.testng.ISuite;
import org.testng.xml.XmlSuite;

/**
 * A suite listener that alters the suite, reports and hears the execution: TestNG calls each once.
 * The suite the parent publishes holds its changes already, so it runs in the parent alone; it ran
 * in every session too, each writing a partial report into {@code test-output} where the run started.
 */
public class AltersAndReports implements IAlterSuiteListener, IReporter, IExecutionListener {
  @Override
  public void alter(List<XmlSuite> suites) {
    RunLog.record("altering-reporter alter");
  }

  @Override
  public void generateReport(List<XmlSuite> xmlSuites, List<ISuite> suites, String outputDirectory) {
    RunLog.record("altering-reporter report");
  }

  @Override
  public void onExecutionStart() {
    RunLog.record("altering-reporter start");
  }
}
