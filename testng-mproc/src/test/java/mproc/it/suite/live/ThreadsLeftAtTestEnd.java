package mproc.it.suite.live;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import mproc.it.suite.RunLog;
import org.testng.ISuite;
import org.testng.ISuiteListener;
import org.testng.ITestContext;
import org.testng.ITestListener;

/**
 * A thread-leak detector as real suites have them (Apache Pulsar's {@code ThreadLeakDetectorListener}):
 * the threads alive at the suite's start, compared at the end of each {@code <test>}. Records every
 * thread that is new then, by name: in a sequential run of these tests, none. The JDK's thread that
 * waits for a child process (one per worker JVM started after the suite's start) is left out.
 */
public class ThreadsLeftAtTestEnd implements ISuiteListener, ITestListener {
  private Set<Long> atStart = Set.of();

  @Override
  public void onStart(ISuite suite) {
    atStart = Thread.getAllStackTraces().keySet().stream().map(Thread::getId).collect(Collectors.toSet());
  }

  @Override
  public void onFinish(ITestContext context) {
    Set<String> left = new TreeSet<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      // The JDK's own "process reaper (pid N)" waits for each child process: no launcher can avoid it.
      if (t.isAlive() && !atStart.contains(t.getId()) && !t.getName().startsWith("process reaper")) {
        left.add(t.getName());
      }
    }
    RunLog.record("threads-left " + context.getName() + " " + left.toString().replace(' ', '_'));
  }
}
