package mproc.worker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mproc.planning.Planner;
import mproc.reporting.Throwables;
import mproc.reporting.Values;
import mproc.testng.ClaimingMethod;
import mproc.testng.SessionSuite;
import mproc.transport.Channel;
import mproc.transport.Message.ConfigOutcome;
import mproc.transport.Message.MethodRef;
import mproc.transport.Message.TestOutcome;
import mproc.transport.Message.TestStarted;
import mproc.transport.Message.UnitDone;
import org.testng.IConfigurationListener;
import org.testng.IMethodInstance;
import org.testng.IMethodInterceptor;
import org.testng.ITestContext;
import org.testng.ITestListener;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;
import org.testng.Reporter;
import org.testng.TestNG;
import org.testng.internal.MethodInstance;
import org.testng.xml.XmlSuite;

/**
 * One TestNG run in a worker, started by a unit this worker claimed. The run also holds every other
 * shareable unit of the same class; each is claimed just in time as TestNG reaches it
 * ({@link ClaimingMethod}) and passed over if another worker got it first. So a worker runs a
 * class's {@code @BeforeClass} at most once, and idle workers still join a big class.
 */
final class Session implements IMethodInterceptor, ITestListener, IConfigurationListener {
  private final WorkBook book;
  private final KnownTest test;
  private final Channel results;
  /** Units this run may execute, by method key, with their dispatch position. */
  private final Map<String, KnownUnit> unitsByMethod = new HashMap<>();
  private final Map<KnownUnit, Integer> position = new IdentityHashMap<>();
  private final Map<ITestNGMethod, KnownUnit> unitOf = new IdentityHashMap<>();

  Session(WorkBook book, KnownTest test, KnownUnit first, Channel results) {
    this.book = book;
    this.test = test;
    this.results = results;
    List<KnownUnit> candidates = new ArrayList<>();
    candidates.add(first);
    if (!first.plan.exclusive()) {
      for (KnownUnit u : book.sharedUnits(test.id, first.className())) {
        if (u != first && !u.taken) {
          candidates.add(u);
        }
      }
    }
    for (KnownUnit u : candidates) {
      position.put(u, position.size());
      for (MethodRef ref : u.plan.methods()) {
        unitsByMethod.put(ref.className() + "." + ref.methodName(), u);
      }
    }
  }

  /** Runs the session and reports each unit it ran as done. */
  void run(SuiteLevelConfiguration suiteLevel) {
    Set<String> classes = new LinkedHashSet<>();
    for (KnownUnit u : position.keySet()) {
      u.plan.methods().forEach(ref -> classes.add(ref.className()));
    }
    classes.addAll(test.configClasses);
    XmlSuite suite = SessionSuite.narrow(test.suite, test.name, classes);
    test.touched = true;
    runTestNG(suite, suiteLevel, this);
    position.keySet().stream()
        .filter(u -> u.mine)
        .sorted(Comparator.comparingInt(position::get))
        .forEach(u -> results.send(new UnitDone(u.id())));
  }

  static void runTestNG(XmlSuite suite, SuiteLevelConfiguration suiteLevel, Object listener) {
    TestNG testng = new TestNG(false);
    testng.setVerbose(0);
    testng.setXmlSuites(List.of(suite));
    testng.addListener(suiteLevel);
    testng.addListener(listener);
    testng.run();
  }

  @Override
  public List<IMethodInstance> intercept(List<IMethodInstance> methods, ITestContext context) {
    Map<String, Integer> ordinals = new HashMap<>();
    List<ClaimingMethod> wrapped = new ArrayList<>();
    for (IMethodInstance mi : methods) {
      ITestNGMethod m = mi.getMethod();
      String key = Planner.key(m);
      KnownUnit unit = unitsByMethod.get(key);
      if (unit == null) {
        continue; // a method of a class that is here only for its suite- or test-level configuration
      }
      int ordinal = ordinals.merge(key, 1, Integer::sum) - 1;
      ClaimingMethod claiming = new ClaimingMethod(m, ordinal, () -> book.tryClaim(unit));
      unitOf.put(claiming, unit);
      wrapped.add(claiming);
    }
    // Stable: TestNG's order inside a unit, the dispatch order between units.
    wrapped.sort(Comparator.comparingInt(c -> position.get(unitOf.get(c))));
    List<IMethodInstance> result = new ArrayList<>(wrapped.size());
    wrapped.forEach(c -> result.add(new MethodInstance(c)));
    return result;
  }

  private KnownUnit mine(ITestResult r) {
    KnownUnit unit = unitOf.get(r.getMethod());
    return unit != null && unit.mine ? unit : null;
  }

  @Override
  public void onTestStart(ITestResult r) {
    KnownUnit unit = mine(r);
    if (unit != null) {
      results.send(new TestStarted(unit.id(), r.getMethod().getRealClass().getName(), r.getMethod().getMethodName()));
    }
  }

  @Override
  public void onTestSuccess(ITestResult r) {
    send(r);
  }

  @Override
  public void onTestFailure(ITestResult r) {
    send(r);
  }

  @Override
  public void onTestSkipped(ITestResult r) {
    send(r);
  }

  @Override
  public void onTestFailedButWithinSuccessPercentage(ITestResult r) {
    send(r);
  }

  private void send(ITestResult r) {
    KnownUnit unit = mine(r);
    if (unit == null) {
      return; // a method another worker holds, passed over
    }
    ITestNGMethod m = r.getMethod();
    results.send(
        new TestOutcome(
            unit.id(),
            m.getRealClass().getName(),
            m.getMethodName(),
            ((ClaimingMethod) m).ordinal(),
            r.getStatus(),
            r.getStartMillis(),
            r.getEndMillis(),
            r.wasRetried(),
            r.getParameterIndex(),
            Values.encode(r.getParameters()),
            Throwables.encode(r.getThrowable()),
            Reporter.getOutput(r)));
  }

  @Override
  public void onConfigurationFailure(ITestResult r) {
    sendConfiguration(test, results, r);
  }

  @Override
  public void onConfigurationSkip(ITestResult r) {
    sendConfiguration(test, results, r);
  }

  static void sendConfiguration(KnownTest test, Channel results, ITestResult r) {
    ITestNGMethod m = r.getMethod();
    results.send(
        new ConfigOutcome(
            test.id,
            m.getRealClass().getName(),
            m.getMethodName(),
            r.getStatus(),
            r.getStartMillis(),
            r.getEndMillis(),
            Throwables.encode(r.getThrowable())));
  }
}
