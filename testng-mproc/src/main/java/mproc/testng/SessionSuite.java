package mproc.testng;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlSuite;
import org.testng.xml.XmlTest;

/**
 * Builds the suite a worker runs for one session: the parent's suite with its parameters, groups,
 * listeners and settings, narrowed to one {@code <test>} and a set of classes. Sequential inside a
 * worker: {@code parallel} is dropped (workers are the parallelism).
 */
public final class SessionSuite {
  /** The parent's listener, which must not run again inside a worker's own runs. */
  private static final String PARENT_LISTENER = "mproc.MprocListener";

  private SessionSuite() {}

  public static XmlSuite narrow(XmlSuite parent, String testName, Collection<String> classNames) {
    XmlTest original =
        parent.getTests().stream()
            .filter(t -> t.getName().equals(testName))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("suite '" + parent.getName() + "' has no test '" + testName + "'"));
    XmlSuite suite = parent.shallowCopy();
    suite.setTests(new ArrayList<>());
    suite.setSuiteFiles(new ArrayList<>());
    suite.setXmlPackages(new ArrayList<>());
    suite.setParentSuite(null);
    suite.setParallel(XmlSuite.ParallelMode.NONE);
    suite.setVerbose(0);
    List<String> listeners = new ArrayList<>(parent.getListeners());
    listeners.remove(PARENT_LISTENER);
    suite.setListeners(listeners);

    XmlTest test = new XmlTest(suite);
    test.setName(original.getName());
    test.setParameters(original.getLocalParameters());
    test.setIncludedGroups(original.getIncludedGroups());
    test.setExcludedGroups(original.getExcludedGroups());
    test.setMetaGroups(original.getMetaGroups());
    test.setXmlDependencyGroups(original.getXmlDependencyGroups());
    test.setMethodSelectors(original.getMethodSelectors());
    test.setGroupByInstances(original.getGroupByInstances());
    test.setSkipFailedInvocationCounts(original.skipFailedInvocationCounts());
    test.setPreserveOrder(true);
    test.setParallel(XmlSuite.ParallelMode.NONE);
    List<XmlClass> classes = new ArrayList<>();
    for (String name : classNames) {
      classes.add(new XmlClass(name, false));
    }
    test.setXmlClasses(classes);
    return suite;
  }
}
