package mproc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.testng.ISuite;
import org.testng.xml.XmlSuite;

/**
 * Knows when the last suite of TestNG's execution has ended, so that the workers can exit while
 * TestNG writes its reports instead of after (a worker JVM with a thread in native code, an HTTP
 * client's selector or a socket read, takes 0.3 s to exit on JDK 17). The suites are the list
 * TestNG hands its {@code IAlterSuiteListener}s, children included, read when a suite ends (after
 * every alteration); with no list (no alteration call), it never says the last one ended.
 */
final class LastSuite {
  private List<XmlSuite> toRun;
  private final Set<XmlSuite> ended = Collections.newSetFromMap(new IdentityHashMap<>());

  /** TestNG's list of the suites it will run (the same list object it then runs). */
  synchronized void suitesToRun(List<XmlSuite> suites) {
    toRun = suites;
  }

  /** Every suite TestNG runs in this execution, children included, in the order it registers their listeners; empty if unknown. */
  synchronized List<XmlSuite> all() {
    List<XmlSuite> all = new ArrayList<>();
    if (toRun != null) {
      toRun.forEach(s -> addWithChildren(s, all));
    }
    return all;
  }

  /** Records that {@code suite} ended; true if every suite TestNG runs in this execution has ended. */
  synchronized boolean ended(ISuite suite) {
    ended.add(suite.getXmlSuite());
    List<XmlSuite> all = all();
    return !all.isEmpty() && ended.containsAll(all);
  }

  private static void addWithChildren(XmlSuite suite, List<XmlSuite> into) {
    into.add(suite);
    suite.getChildSuites().forEach(c -> addWithChildren(c, into));
  }
}
