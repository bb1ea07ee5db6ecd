package mproc.testng;

import java.util.List;
import org.testng.ITestResult;
import org.testng.Reporter;

/**
 * TestNG's {@link Reporter} keeps every line logged in the JVM in one list besides each result's
 * lines ({@code testng-results.xml}'s {@code reporter-output} and the HTML reports print that list).
 * A test the parent runs in its own session logs there as it runs, and its replayed result logs the
 * same lines again: the session's copy is taken back, so the list holds each line once.
 */
public final class ReporterLines {
  private ReporterLines() {}

  /**
   * Removes this result's lines from the JVM's list when they are its last lines (the result just
   * ended on this thread; the numbers kept for every earlier line stay right). Lines another thread
   * logged after them leave the list as it is.
   */
  public static void takeBack(ITestResult result) {
    List<String> own = Reporter.getOutput(result);
    if (own.isEmpty()) {
      return;
    }
    List<String> all = Reporter.getOutput();
    synchronized (all) {
      int from = all.size() - own.size();
      if (from >= 0 && all.subList(from, all.size()).equals(own)) {
        all.subList(from, all.size()).clear();
      }
    }
  }
}
