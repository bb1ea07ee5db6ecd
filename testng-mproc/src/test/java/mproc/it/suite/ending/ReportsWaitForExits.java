package mproc.it.suite.ending;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import mproc.it.suite.RunLog;
import org.testng.IReporter;
import org.testng.ISuite;
import org.testng.xml.XmlSuite;

/**
 * A reporter that waits, up to 20 s, until every JVM but its own that ran a test has begun to exit,
 * and records its start and end: a worker told to end only after TestNG's reports keeps it waiting.
 */
public class ReportsWaitForExits implements IReporter {
  @Override
  public void generateReport(List<XmlSuite> xmlSuites, List<ISuite> suites, String outputDirectory) {
    RunLog.record("reports-start");
    long until = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < until && !everyOtherJvmExiting()) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    RunLog.record("reports-end");
  }

  private static boolean everyOtherJvmExiting() {
    List<String> lines;
    try {
      lines = Files.readAllLines(Path.of(System.getProperty("it.log")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String self = String.valueOf(ProcessHandle.current().pid());
    Set<String> ran = pids(lines, "test ");
    ran.remove(self);
    return !ran.isEmpty() && pids(lines, "exit ").containsAll(ran);
  }

  private static Set<String> pids(List<String> lines, String prefix) {
    return lines.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(l.lastIndexOf(' ') + 1)).collect(Collectors.toSet());
  }
}
