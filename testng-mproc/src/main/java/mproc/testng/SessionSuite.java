package mproc.testng;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.testng.xml.XmlClass;
import org.testng.xml.XmlInclude;
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

  /**
   * Whether a suite listener must run in workers: it changes how tests run (a hook, an interceptor,
   * a transformer, a method listener...). Listeners that only observe results (test, suite,
   * configuration and execution listeners, reporters) run in the parent alone, where every result
   * is replayed to them; running them in workers too would report each test twice.
   */
  static boolean shapesExecution(String listenerClass) {
    if (listenerClass.equals(PARENT_LISTENER) || isConfigurable(listenerClass)) {
      return false;
    }
    Class<?> c;
    try {
      c = Class.forName(listenerClass, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return true; // let TestNG report it as it would
    }
    for (Class<?> observer : OBSERVERS) {
      if (observer.isAssignableFrom(c)) {
        for (Class<?> i : allInterfaces(c)) {
          if (i != org.testng.ITestNGListener.class && org.testng.ITestNGListener.class.isAssignableFrom(i) && OBSERVERS.stream().noneMatch(o -> o.isAssignableFrom(i))) {
            return true;
          }
        }
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a suite listener is an {@link org.testng.IConfigurable}. TestNG keeps one configurable
   * per run, the last it is given, so a user's would take the worker's place; the worker's
   * configurable calls it instead ({@link #configurables}).
   */
  static boolean isConfigurable(String listenerClass) {
    try {
      return org.testng.IConfigurable.class.isAssignableFrom(
          Class.forName(listenerClass, false, Thread.currentThread().getContextClassLoader()));
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The suite's listeners that are {@link org.testng.IConfigurable}s, in the suite's order. */
  public static List<String> configurables(XmlSuite suite) {
    return suite.getListeners().stream().filter(SessionSuite::isConfigurable).toList();
  }

  /**
   * Interfaces of listeners that run in the parent alone: those that observe, and
   * {@link org.testng.IAlterSuiteListener}, whose changes are in the suite the parent publishes
   * already (run again in a session, it would change the narrowed suite a second time; with a
   * reporter beside it, that reporter wrote a partial report per session into {@code test-output}).
   */
  private static final List<Class<?>> OBSERVERS =
      List.of(
          org.testng.ITestListener.class, org.testng.ISuiteListener.class, org.testng.IReporter.class,
          org.testng.IExecutionListener.class, org.testng.IConfigurationListener.class, org.testng.IAlterSuiteListener.class);

  private static java.util.Set<Class<?>> allInterfaces(Class<?> c) {
    java.util.Set<Class<?>> result = new java.util.HashSet<>();
    for (Class<?> k = c; k != null; k = k.getSuperclass()) {
      for (Class<?> i : k.getInterfaces()) {
        collect(i, result);
      }
    }
    return result;
  }

  private static void collect(Class<?> i, java.util.Set<Class<?>> into) {
    if (into.add(i)) {
      for (Class<?> parent : i.getInterfaces()) {
        collect(parent, into);
      }
    }
  }

  /**
   * The classes of the file a session names for these test classes: a class the file does not name
   * has its instances made by a {@code @Factory} of a class it does name (a factory class whose
   * method returns {@code new Target(1), new Target(2)}), so the session names every such factory
   * class instead, and TestNG makes the instances there as it does sequentially (TestNG could not make
   * {@code Target} itself: it has no constructor for it). The instances of other classes it makes
   * too are passed over, as any method the session did not claim.
   */
  static java.util.Set<String> namedOrMadeBy(Collection<String> classNames, java.util.Set<String> named, XmlTest test) {
    java.util.Set<String> result = new java.util.LinkedHashSet<>();
    List<String> factories = null;
    for (String name : classNames) {
      if (named.contains(name)) {
        result.add(name);
        continue;
      }
      if (factories == null) {
        factories = test.getXmlClasses().stream().map(XmlClass::getName).filter(SessionSuite::hasFactory).toList();
      }
      if (factories.isEmpty()) {
        result.add(name); // as before: TestNG reports what it cannot make
      } else {
        result.addAll(factories);
      }
    }
    return result;
  }

  /** Whether the class or a superclass declares a {@code @Factory} method or constructor. */
  private static boolean hasFactory(String className) {
    Class<?> c;
    try {
      c = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      return false; // TestNG reports a class it cannot load
    }
    for (java.lang.reflect.Constructor<?> k : c.getDeclaredConstructors()) {
      if (k.isAnnotationPresent(org.testng.annotations.Factory.class)) {
        return true;
      }
    }
    for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
      for (java.lang.reflect.Method m : k.getDeclaredMethods()) {
        if (m.isAnnotationPresent(org.testng.annotations.Factory.class)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The listeners the {@code <test>}'s classes (as its suite file names them, the same list in the
   * parent and in a worker) and their superclasses declare with {@code @Listeners}, but
   * configurables and the parent's own listener. TestNG has each hear every test of the run, so
   * every session of a {@code <test>} registers them all: a session that holds none of the declaring
   * classes would otherwise not hear its tests at all. They hear each test live, in the JVM that
   * runs it (a screenshot from the test's live instance), and the parent does not replay to them
   * ({@link ListenersInWorkers}).
   */
  static List<String> declaredListeners(XmlTest test) {
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    for (String className : test.getXmlClasses().stream().map(XmlClass::getName).toList()) {
      Class<?> c;
      try {
        c = Class.forName(className, false, Thread.currentThread().getContextClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        continue; // TestNG reports a class it cannot load
      }
      for (Class<?> k = c; k != null && k != Object.class; k = k.getSuperclass()) {
        org.testng.annotations.Listeners declared = k.getAnnotation(org.testng.annotations.Listeners.class);
        if (declared != null) {
          for (Class<?> l : declared.value()) {
            if (!l.getName().equals(PARENT_LISTENER) && !isConfigurable(l.getName())) {
              names.add(l.getName());
            }
          }
        }
      }
    }
    return new ArrayList<>(names);
  }

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
    suite.setObjectFactoryClass(null); // the worker's TestInstances makes the instances, through it
    List<String> listeners = new ArrayList<>(parent.getListeners().stream().filter(SessionSuite::shapesExecution).toList());
    declaredListeners(original).stream()
        .filter(l -> !listeners.contains(l)).forEach(listeners::add);
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
    if (original.getTimeOut() != null) { // its own time-out, else the suite's: a time-out="..." on the <test>
      test.setTimeOut(Long.parseLong(original.getTimeOut()));
    }
    // The session's interceptor decides the order (dispatch order); preserve-order would add edges
    // that run the classes in the order of this list instead.
    test.setPreserveOrder(false);
    test.setParallel(XmlSuite.ParallelMode.NONE);
    // In the suite file's order: TestNG runs an inherited suite- or test-level configuration method
    // once, on the first class of the list that has it, and a sequential run's fields are set on
    // that instance (jclouds-core: a @BeforeTest of a base class set only the first subclass's field).
    java.util.Map<String, Integer> inFileOrder = new java.util.HashMap<>();
    java.util.Map<String, XmlClass> inFile = new java.util.HashMap<>();
    original.getXmlClasses().forEach(c -> {
      inFileOrder.putIfAbsent(c.getName(), inFileOrder.size());
      inFile.putIfAbsent(c.getName(), c);
    });
    List<String> ordered = new ArrayList<>(namedOrMadeBy(classNames, inFile.keySet(), original));
    // not named in the file: after, as given
    ordered.sort(java.util.Comparator.comparingInt(name -> inFileOrder.getOrDefault(name, Integer.MAX_VALUE)));
    List<XmlClass> classes = new ArrayList<>();
    for (String name : ordered) {
      XmlClass c = new XmlClass(name, false);
      XmlClass declared = inFile.get(name);
      if (declared != null) { // its own <parameter>s, which @Parameters reads before the test's
        c.setParameters(declared.getLocalParameters());
        // <methods>: each <include>'s invocation-numbers (a testng-failed.xml rerun) and <parameter>s, and the <exclude>s
        List<XmlInclude> includes = new ArrayList<>();
        for (XmlInclude include : declared.getIncludedMethods()) {
          XmlInclude copy = new XmlInclude(include.getName(), include.getInvocationNumbers(), include.getIndex());
          copy.setParameters(include.getLocalParameters());
          copy.setDescription(include.getDescription());
          copy.setXmlClass(c);
          includes.add(copy);
        }
        c.setIncludedMethods(includes);
        c.setExcludedMethods(declared.getExcludedMethods());
      }
      classes.add(c);
    }
    test.setXmlClasses(classes);
    return suite;
  }
}
