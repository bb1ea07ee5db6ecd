package mproc.it;

import static org.testng.Assert.assertEquals;

import java.util.List;
import org.testng.annotations.Test;

/** What TestNG does with a data-driven method's data provider, it does in a worker too. */
public class DataProviderFidelityTest {
  private static final String SUITE = ParentRun.suite("rows", "", "mproc.it.suite.rows.", "ProviderFails");

  @Test
  public void aFailingProviderIsReportedAsSequentially() throws Exception {
    ParentRun sequential = ParentRun.run(SUITE);
    List<String> expected = sequential.reportedTests().stream().sorted().toList();
    assertEquals(expected.get(0), "fedByABrokenProvider FAIL", sequential.output);
    ParentRun workers = ParentRun.run(SUITE, "-cores", "1");
    assertEquals(workers.reportedTests().stream().sorted().toList(), expected, workers.output);
  }
}
