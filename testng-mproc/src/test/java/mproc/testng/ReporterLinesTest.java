package mproc.testng;

import static org.testng.Assert.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.testng.ITestResult;
import org.testng.Reporter;
import org.testng.annotations.Test;
import org.testng.internal.TestResult;

public class ReporterLinesTest {
  @Test
  public void aResultsLastLinesAreTakenBackFromTheJvmsListAndOnlyThose() {
    ITestResult earlier = TestResult.newEmptyTestResult();
    ITestResult ended = TestResult.newEmptyTestResult();
    ITestResult previous = Reporter.getCurrentTestResult();
    try {
      Reporter.setCurrentTestResult(earlier);
      Reporter.log("earlier line");
      List<String> before = new ArrayList<>(Reporter.getOutput());
      Reporter.setCurrentTestResult(ended);
      Reporter.log("one");
      Reporter.log("two");
      ReporterLines.takeBack(ended);
      assertEquals(Reporter.getOutput(), before, "its lines are gone from the list");
      assertEquals(Reporter.getOutput(earlier), List.of("earlier line"), "an earlier result's lines stay");

      ITestResult another = TestResult.newEmptyTestResult();
      Reporter.setCurrentTestResult(another);
      Reporter.log("three");
      Reporter.setCurrentTestResult(earlier);
      Reporter.log("logged after it");
      List<String> interleaved = new ArrayList<>(Reporter.getOutput());
      ReporterLines.takeBack(another);
      assertEquals(Reporter.getOutput(), interleaved, "not its last lines: the list stays as it is");
    } finally {
      Reporter.setCurrentTestResult(previous);
    }
  }
}
