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
    assertEquals(CucumberReports.joinJsonArrays(List.of(a, empty, c)), "[\n{\"name\": \"A\"},\n{\"name\": \"C\"}, {\"name\": \"D\"}\n]");
    assertEquals(CucumberReports.joinJsonArrays(List.of(empty)), "[]");
  }
}
