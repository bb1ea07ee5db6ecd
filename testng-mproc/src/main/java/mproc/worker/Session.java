package mproc.worker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mproc.fixtures.FixtureInjector;
import mproc.planning.Planner;
import mproc.testng.ClaimingMethod;
import mproc.testng.GroupEnds;
import mproc.testng.InstanceOrder;
import mproc.testng.SoleInterceptor;
import mproc.testng.TestInstances;
import mproc.transport.Channel;
import mproc.transport.Message.MethodRef;
import mproc.transport.Message.UnitDone;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.IClassListener;
import org.testng.IMethodInstance;
import org.testng.IMethodInterceptor;
import org.testng.ITestClass;
import org.testng.ITestContext;
import org.testng.ITestListener;
import org.testng.ITestNGMethod;
import org.testng.ITestResult;
import org.testng.internal.MethodInstance;

/**
 * One TestNG run in a worker. A shared session holds every unit of a {@code <test>} that nobody had
 * claimed when it began, in dispatch order, and claims them just in time as TestNG reaches them
 * ({@link ClaimingMethod}); a unit another worker got first is passed over. An exclusive unit runs
 * alone in its own session, claimed before it starts.
 *
 * <p>Class affinity: when TestNG reaches a class, the worker enters it, or passes over the whole
 * class (its {@code @BeforeClass} included) if another worker is already in it while a later class
 * of the session is still untouched (or, for a class with class-level configuration, any class of
 * the test, where a new session starts). So workers spread over classes, each {@code @BeforeClass}
 * runs in as few workers as possible, and near the end idle workers still join the classes that are
 * left (in a new session, as TestNG cannot go back).
 */
final class Session implements IMethodInterceptor, ITestListener, IClassListener {
  private static final Logger LOG = LoggerFactory.getLogger(Session.class);
  private final WorkBook book;
  private final KnownTest test;
  private final Channel results;
  private final boolean claimedUpFront;
  /** A session that helps with the rows of a unit another worker holds: it runs the rows it claims, nothing else. */
  private final boolean helping;
  /** Units this run may execute, in dispatch order. */
  private final List<KnownUnit> units;
  /** Each method's unit, by method key. */
  private final Map<String, KnownUnit> unitsByMethod = new HashMap<>();
  /** The ids the parent gave each method's instances, in TestNG's order, by method key. */
  private final Map<String, List<Integer>> instanceIds = new HashMap<>();
  /** Each method's place in the run: dispatch order between units, the parent's order inside one. */
  private final Map<String, Integer> rank = new HashMap<>();
  private final Map<String, List<KnownUnit>> unitsByClass = new LinkedHashMap<>();
  private final Map<String, Boolean> entered = new HashMap<>();
  private final Map<ITestNGMethod, KnownUnit> unitOf = new IdentityHashMap<>();
  /** Classes TestNG has reached in this run (the first class is entered before, as the session is built). */
  private final Set<String> reached = new HashSet<>();
  /** Classes with {@code @BeforeClass} or {@code @AfterClass} methods, known once TestNG has set the run up. */
  private final Set<String> classConfigured = new HashSet<>();
  private java.util.function.Consumer<ITestResult> afterEachTestMessage = r -> {};
  private Runnable beforeEachClass = () -> {};

  private Session(WorkBook book, KnownTest test, List<KnownUnit> units, boolean claimedUpFront, boolean helping, Channel results) {
    this.book = book;
    this.test = test;
    this.results = results;
    this.claimedUpFront = claimedUpFront;
    this.helping = helping;
    this.units = units;
    for (KnownUnit u : units) {
      unitsByClass.computeIfAbsent(u.className(), c -> new ArrayList<>()).add(u);
      for (MethodRef ref : u.plan.methods()) {
        String key = ref.className() + "." + ref.methodName();
        unitsByMethod.put(key, u);
        instanceIds.put(key, ref.instances());
        rank.putIfAbsent(key, rank.size());
      }
    }
  }

  /** A session for one exclusive unit, or null if another worker claimed it first. */
  static Session exclusive(WorkBook book, KnownTest test, KnownUnit unit, Channel results) {
    return book.tryClaim(unit) ? new Session(book, test, List.of(unit), true, false, results) : null;
  }

  /**
   * A session over one unit that spreads its rows and that another worker holds: it calls the data
   * provider again and runs the rows it claims first ({@link ClaimedRows}).
   */
  static Session helping(WorkBook book, KnownTest test, KnownUnit unit, Channel results) {
    return new Session(book, test, List.of(unit), true, true, results);
  }

  /**
   * A session over the first whole classes of these free shareable units of one test, this worker's
   * share of them ({@link SessionShare}); null if there are none.
   */
  static Session shared(WorkBook book, KnownTest test, List<KnownUnit> free, Channel results) {
    List<KnownUnit> chosen = SessionShare.choose(free, test.workers);
    if (chosen.isEmpty()) {
      return null;
    }
    Session session = new Session(book, test, chosen, false, false, results);
    // Enter the first class now rather than after TestNG's set-up (a few hundred ms in a cold
    // worker): a worker starting a session meanwhile sees it occupied and starts at another class.
    session.entered(chosen.get(0).className());
    return session;
  }

  /** Called after each TestStarted and TestOutcome this session sends (a joined host watches there; the parent counts its tests for the gate). */
  void afterEachTestMessage(java.util.function.Consumer<ITestResult> hook) {
    this.afterEachTestMessage = hook;
  }

  /** Called as TestNG reaches each class, before its {@code @BeforeClass} (the parent reads the workers there). */
  void beforeEachClass(Runnable hook) {
    this.beforeEachClass = hook;
  }

  int unitCount() {
    return units.size();
  }

  /** The classes of this session's units, in its order. */
  Set<String> classNames() {
    return unitsByClass.keySet();
  }

  /** Runs the session and reports each unit it ran as done. */
  void run(ConfigurationGate gate, FixtureInjector injector, TestInstances instances) {
    Set<String> own = new LinkedHashSet<>();
    units.forEach(u -> u.plan.methods().forEach(ref -> own.add(ref.className())));
    Set<String> classes = book.withTiedClasses(test.id, own);
    classes.addAll(test.configClasses);
    classes.addAll(test.suiteConfigClasses);
    test.touched = true;
    gate.session(this);
    long start = System.nanoTime();
    try {
      WorkerTestNG.run(test, classes, instances, gate, injector, this,
          new SessionReporter(test, results, this::reportedUnit, this::claimedRows, helping, afterEachTestMessage));
    } finally {
      gate.session(null);
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("session over {} units of {} classes: ran {} in {} ms", units.size(), classNames().size(),
          units.stream().filter(u -> u.mine).count(), (System.nanoTime() - start) / 1_000_000);
    }
    if (helping) {
      return; // the unit is its holder's to report done
    }
    claimUnreached();
    for (KnownUnit u : units) {
      if (u.mine && u.plan.spreadsRows() && u.rowsCounted < 0) {
        book.rowsEnded(u, -1); // it never went through the rows: nobody starts helping with them now
      }
    }
    units.stream().filter(u -> u.mine).forEach(u -> results.send(new UnitDone(u.id(), u.rowsCounted)));
  }

  /**
   * Claims the free units of classes this run never reached, so that no unit is left to a loop of
   * sessions that cannot run it; the parent reports their missing results (see TestDispatch).
   */
  private void claimUnreached() {
    for (Map.Entry<String, List<KnownUnit>> e : unitsByClass.entrySet()) {
      if (!reached.contains(e.getKey())) {
        e.getValue().forEach(book::tryClaim);
      }
    }
  }

  /** TestNG has reached this class (a configuration method, the class, or a method of it): {@link #entered}. */
  boolean reach(String className) {
    reached.add(className);
    return entered(className);
  }

  /**
   * Whether this worker runs tests of this class in this session; decided the first time TestNG
   * reaches the class (or, for the session's first class, as the session is built), by claiming its
   * first free unit. Classes with no unit here (present only for their suite- or test-level
   * configuration) count as entered.
   */
  boolean entered(String className) {
    Boolean decided = entered.get(className);
    if (decided != null) {
      return decided;
    }
    List<KnownUnit> units = unitsByClass.get(className);
    boolean enter;
    if (units == null || claimedUpFront) {
      enter = true;
    } else if (book.occupiedByAnother(units.get(0)) && (untouchedClassAfter(className) || lookPast(className))) {
      enter = false;
    } else {
      enter = units.stream().anyMatch(book::tryClaim);
    }
    entered.put(className, enter);
    return enter;
  }

  /** This class has {@code @BeforeClass} or {@code @AfterClass} methods (see {@link #lookPast}). */
  void hasClassConfiguration(String className) {
    classConfigured.add(className);
  }

  /**
   * Whether to pass over a class another worker is in for an untouched class beyond this session
   * (which a new session would start at): only for a class with class-level configuration, which
   * joining would run again. A class without it costs nothing to join, and a new session costs a
   * TestNG set-up: 2,000 empty tests and one of 2 s on 8 workers took 9.41 s looking past every
   * class, 8.10 s looking past none.
   */
  private boolean lookPast(String className) {
    return classConfigured.contains(className) && book.anyUntouchedClass(test.id);
  }

  /** Whether a class this run has not reached yet has no claimed unit at all. */
  private boolean untouchedClassAfter(String className) {
    for (Map.Entry<String, List<KnownUnit>> e : unitsByClass.entrySet()) {
      if (!e.getKey().equals(className) && !entered.containsKey(e.getKey()) && !book.classTouched(e.getValue().get(0))) {
        return true;
      }
    }
    return false;
  }

  /** Runs the session's methods in one pass, in its order, instead of re-sorting after each one. */
  @Override
  public void onStart(ITestContext context) {
    SoleInterceptor.install(context, this);
  }

  @Override
  public void onBeforeClass(ITestClass testClass) {
    beforeEachClass.run();
    reach(testClass.getRealClass().getName());
  }

  @Override
  public List<IMethodInstance> intercept(List<IMethodInstance> methods, ITestContext context) {
    Map<IMethodInstance, Integer> ordinals = ordinals(methods);
    List<ClaimingMethod> wrapped = new ArrayList<>();
    Map<ClaimingMethod, Integer> ranks = new IdentityHashMap<>();
    GroupEnds groupEnds = GroupEnds.of(context);
    for (IMethodInstance mi : methods) {
      ITestNGMethod m = mi.getMethod();
      String key = Planner.key(m);
      KnownUnit unit = unitsByMethod.get(key);
      if (unit == null) {
        continue; // a method of a class that is here only for its suite- or test-level configuration
      }
      int ordinal = ordinals.get(mi);
      List<Integer> ids = instanceIds.get(key);
      int instance = ordinal < ids.size() ? ids.get(ordinal) : -1; // -1: an instance the parent did not plan, which it reports
      String className = unit.className();
      ITestClass testClass = m.getTestClass();
      if (testClass.getBeforeClassMethods().length > 0 || testClass.getAfterClassMethods().length > 0) {
        hasClassConfiguration(className);
      }
      ClaimingMethod claiming = new ClaimingMethod(m, instance, () -> reach(className) && (helping || book.tryClaim(unit)), groupEnds);
      unitOf.put(claiming, unit);
      ranks.put(claiming, rank.get(key));
      wrapped.add(claiming);
    }
    wrapped.sort(Comparator.comparingInt(ranks::get)); // stable: @Factory instances keep their order
    List<IMethodInstance> result = new ArrayList<>(wrapped.size());
    wrapped.forEach(c -> result.add(new MethodInstance(c)));
    return result;
  }

  /** Each method instance's number among the instances of its method, as the parent numbers them ({@link InstanceOrder}). */
  private static Map<IMethodInstance, Integer> ordinals(List<IMethodInstance> methods) {
    Map<String, List<IMethodInstance>> byKey = new LinkedHashMap<>();
    methods.forEach(mi -> byKey.computeIfAbsent(Planner.key(mi.getMethod()), k -> new ArrayList<>()).add(mi));
    Map<IMethodInstance, Integer> ordinals = new IdentityHashMap<>();
    for (List<IMethodInstance> instances : byKey.values()) {
      List<IMethodInstance> sorted = InstanceOrder.sorted(instances, IMethodInstance::getMethod);
      for (int i = 0; i < sorted.size(); i++) {
        ordinals.put(sorted.get(i), i);
      }
    }
    return ordinals;
  }

  /**
   * The unit a result of this session belongs to, if this worker reports it: a method of a unit it
   * claimed, or a row it claimed of a unit that spreads its rows; null for one another worker holds.
   */
  private KnownUnit reportedUnit(ITestResult result) {
    ITestNGMethod method = result.getMethod();
    KnownUnit unit = unitOf.get(method instanceof ClaimingMethod claiming ? claiming.original() : method);
    if (unit == null) {
      return null;
    }
    int row = unit.rowOf(result); // -1 for a data provider's failure
    if (unit.plan.spreadsRows() && row >= 0 && unit.rowsMine.get(row)) {
      return unit;
    }
    return unit.mine && !helping ? unit : null;
  }

  /** A spread unit's rows claimed as TestNG reaches them ({@link ClaimedRows}); other methods' rows as they are. */
  private java.util.Iterator<Object[]> claimedRows(ITestNGMethod method, java.util.Iterator<Object[]> rows) {
    KnownUnit unit = unitOf.get(method);
    return unit != null && unit.plan.spreadsRows() && (unit.mine || helping) ? new ClaimedRows(rows, book, unit) : rows;
  }
}
