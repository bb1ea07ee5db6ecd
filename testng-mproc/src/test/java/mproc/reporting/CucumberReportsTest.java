package mproc.reporting;

import static org.testng.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mproc.TempDirs;
import org.testng.annotations.Test;

public class CucumberReportsTest {
  @Test
  public void eachPluginThatWritesAFileGetsTheWorkersOwn() {
    assertEquals(CucumberReports.perWorker("pretty, json:target/cucumber.json,rerun:target/rerun,html:out/r.html", "3"),
        "pretty,json:target/cucumber.mproc-worker-3.json,rerun:target/rerun.mproc-worker-3,html:out/r.mproc-worker-3.html");
  }

  @Test
  public void aDotInADirectoryIsNotAnExtension() {
    assertEquals(CucumberReports.workerFile("target/v1.2/report", "1"), "target/v1.2/report.mproc-worker-1");
    assertEquals(CucumberReports.workerFile(".hidden", "1"), ".hidden.mproc-worker-1");
  }

  @Test
  public void jsonArraysAreJoinedIntoOneAndEmptyOnesAddNothing() throws Exception {
    Path dir = TempDirs.directory("cucumber-join");
    Path a = Files.writeString(dir.resolve("a.json"), "[\n  {\"name\": \"A\"}\n]\n");
    Path empty = Files.writeString(dir.resolve("b.json"), "[]");
    Path c = Files.writeString(dir.resolve("c.json"), "[{\"name\": \"C\"}, {\"name\": \"D\"}]");
    assertEquals(CucumberReports.joinJsonArrays(List.of(a, empty, c)), "[\n{\"name\": \"A\"},\n{\"name\": \"C\"},\n{\"name\": \"D\"}\n]");
    assertEquals(CucumberReports.joinJsonArrays(List.of(empty)), "[]");
  }

  /**
   * The scenarios of one feature ran in two workers: the joined report lists the feature once, its
   * scenarios in the feature's order, each background before its scenario, the rest as written.
   */
  @Test
  public void aFeatureWrittenByTwoRunsIsOneFeatureWithItsScenariosInOrder() throws Exception {
    Path dir = TempDirs.directory("cucumber-join");
    String background = "{\"line\":2,\"type\":\"background\",\"name\":\"open\"}";
    Path one = Files.writeString(dir.resolve("one.json"), "[{\"uri\":\"shop.feature\",\"name\":\"Shop\",\"elements\":["
        + background + ",{\"line\":5,\"type\":\"scenario\",\"name\":\"first\"}," + background
        + ",{\"line\":11,\"type\":\"scenario\",\"name\":\"third \\\"}]\"}],\"tags\":[]}]");
    Path two = Files.writeString(dir.resolve("two.json"), "[{\"uri\":\"shop.feature\",\"name\":\"Shop\",\"elements\":["
        + background + ",{\"line\":8,\"type\":\"scenario\",\"name\":\"second\"}],\"tags\":[]},"
        + "{\"uri\":\"till.feature\",\"name\":\"Till\",\"elements\":[]}]");
    assertEquals(CucumberReports.joinJsonArrays(List.of(one, two)), "[\n{\"uri\":\"shop.feature\",\"name\":\"Shop\",\"elements\":["
        + background + ",{\"line\":5,\"type\":\"scenario\",\"name\":\"first\"}," + background
        + ",{\"line\":8,\"type\":\"scenario\",\"name\":\"second\"}," + background
        + ",{\"line\":11,\"type\":\"scenario\",\"name\":\"third \\\"}]\"}],\"tags\":[]},\n"
        + "{\"uri\":\"till.feature\",\"name\":\"Till\",\"elements\":[]}\n]");
  }
}
