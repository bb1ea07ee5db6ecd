package mproc.planning;

import mproc.TempDirs;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testng.IMethodInstance;
import org.testng.IMethodInterceptor;
import org.testng.ITestContext;
import org.testng.ITestNGMethod;
import org.testng.TestNG;
import mproc.it.suite.MixedB;
import mproc.it.suite.PlanChain;
import mproc.it.suite.PlanPlain;
import mproc.it.suite.PlanTimed;
import mproc.it.suite.affinity.One;
import mproc.it.suite.groups.DbChild;
import mproc.it.suite.groups.DbFirst;
import mproc.it.suite.groups.DbSecond;
import mproc.it.suite.groups.EmptyName;
import mproc.it.suite.groups.Independent;
import mproc.it.suite.groups.SlowLast;
import mproc.settings.SettingsException;
import org.testng.annotations.Test;

/** Plans real TestNG methods: the planner is handed what TestNG's interceptor receives. */
public class PlannerTest {

  @Test
  public void eachMethodIsAUnitGroupedByClassInTestNGsOrder() {
    List<PlannedUnit> units = plan(PlanPlain.class, PlanTimed.class);
    assertEquals(names(units), List.of("[a]", "[b]", "[pooled]", "[simple]"));
    assertEquals(units.get(0).className(), PlanPlain.class.getName());
  }

  @Test
  public void dependencyConnectedMethodsFormOneUnit() {
    List<String> names = names(plan(PlanChain.class));
    assertTrue(names.contains("[first, second]") || names.contains("[second, first]"), names.toString());
    assertTrue(names.contains("[prepare, usePrepared]") || names.contains("[usePrepared, prepare]"), names.toString());
    assertTrue(names.contains("[alone]"), names.toString());
    assertEquals(names.size(), 3);
  }

  /**
   * TestNG names an inherited method's dependency by the base class, and makes it depend on that
   * method in every subclass: a session with one subclass's downstream and not the other's upstream
   * stopped TestNG ("depending on method ... not included").
   */
  @Test
  public void anInheritedDependencyJoinsEverySubclassOfTheBase() {
    List<PlannedUnit> units = plan(mproc.it.suite.inherit.Holds.class, mproc.it.suite.inherit.Breaks.class);
    assertEquals(units.size(), 1, names(units).toString());
    assertEquals(units.get(0).methods().size(), 4, names(units).toString());
  }

  @Test
  public void aClassWithBeforeClassIsOneUnitSoThatOneWorkerRunsItsClassConfigurationOnce() {
    List<PlannedUnit> units = plan(One.class, PlanPlain.class);
    assertEquals(names(units).stream().sorted().toList(), List.of("[a]", "[b]", "[t1, t2, t3, t4]"));
  }

  @Test
  public void aSplitClassWithBeforeClassIsPlannedMethodByMethod() {
    List<PlannedUnit> units = plan(mproc.it.suite.split.BigSplit.class, mproc.it.suite.split.BigWhole.class);
    assertEquals(names(units).stream().sorted().toList(),
        List.of("[t10]", "[t11]", "[t12]", "[t1]", "[t2]", "[t3]", "[t4]", "[t5]", "[t6]", "[t7]", "[t8]", "[t9]", "[w1, w2, w3, w4]"),
        "@SplitClass: one unit per method; the same class without it: one unit");
  }

  @Test
  public void aDataDrivenMethodThatIsAUnitOfItsOwnSpreadsItsRows() {
    List<PlannedUnit> units = plan(MixedB.class);
    List<String> spread = units.stream().filter(PlannedUnit::spreadsRows).map(u -> u.methods().get(0).getMethodName()).sorted().toList();
    assertEquals(spread, List.of("lazyRowsArePassedToo", "rowsArePassedWithTheirParameters"), "not the methods without rows, nor invocationCount = 3");
    assertTrue(units.stream().noneMatch(u -> u.spreadsRows() && u.exclusive()));
  }

  @Test
  public void rowsThatAnotherMethodDependsOnOrWhoseClassHasItsOwnClassConfigurationAreNotSpread() {
    assertTrue(plan(mproc.it.suite.spread.Dependent.class).stream().noneMatch(PlannedUnit::spreadsRows), "step feeds afterSteps");
    assertTrue(plan(mproc.it.suite.faults.CrashInDataRow.class).stream().noneMatch(PlannedUnit::spreadsRows));
    assertTrue(plan(mproc.it.suite.spread.ClassConfigured.class).stream().noneMatch(PlannedUnit::spreadsRows), "its @BeforeClass would run in two workers at once");
  }

  @Test
  public void cucumbersRunnerSpreadsItsScenariosDespiteItsClassConfiguration() {
    List<PlannedUnit> units = plan(mproc.it.suite.cucumber.BasketFeature.class);
    assertEquals(units.size(), 1);
    assertTrue(units.get(0).spreadsRows(), "runScenario: each scenario a row");
    assertFalse(Planner.plan(units.get(0).methods(), Durations.none(), false).get(0).spreadsRows(), "mproc.spreadRows=false");
  }

  @Test
  public void methodsTestNGRunsOnAThreadPoolStartARunOfTheirOwn() {
    List<PlannedUnit> units = plan(PlanTimed.class);
    assertTrue(units.get(0).exclusive(), "pooled");
    assertFalse(units.get(1).exclusive(), "simple");
  }

  @Test
  public void aGroupIsOneExclusiveUnitAcrossClassesInTestNGsOrderAndComesFirst() {
    List<PlannedUnit> units = plan(Durations.none(), DbFirst.class, DbSecond.class, Independent.class);
    PlannedUnit db = units.get(0);
    assertEquals(db.group(), "db");
    assertTrue(db.exclusive());
    assertEquals(names(List.of(db)), List.of("[d1, d2, d3, e1, e2]"));
    assertEquals(units.get(1).group(), "solo");
    assertEquals(names(List.of(units.get(1))), List.of("[e3, s1]"), "a method's own @Group wins over its class's");
  }

  @Test
  public void aSuperclasssGroupAppliesToItsSubclasses() {
    List<PlannedUnit> units = plan(Durations.none(), DbChild.class);
    assertEquals(units.size(), 1);
    assertEquals(units.get(0).group(), "db");
    assertEquals(units.get(0).className(), DbChild.class.getName());
  }

  @Test
  public void amongIndependentUnitsLowerPriorityComesFirst() {
    List<String> names = names(plan(Durations.none(), Independent.class));
    assertEquals(names, List.of("[s1]", "[i3]", "[i1]", "[i2]", "[i4]"));
  }

  @Test
  public void measuredDurationsPutTheLongestFirstAndUnknownTestsCountAsTheMedian() throws Exception {
    Path file = TempDirs.file("durations", ".txt");
    String p = "mproc.it.suite.groups.";
    Files.writeString(file, "500\t" + p + "Independent.i1\n100\t" + p + "Independent.i2\n300\t" + p + "SlowLast.slow\n");
    // known: i1 500, slow 300, i2 100; median 300 for i4 (unknown); i3 has priority -1; s1 is a group
    List<String> names = names(plan(Durations.read(file), Independent.class, SlowLast.class));
    assertEquals(names, List.of("[s1]", "[i3]", "[i1]", "[i4]", "[slow]", "[i2]"));
  }

  @Test
  public void durationsWithinAQuarterOfEachOtherOrBelow50msCountAsEqualSoAlikeTestsKeepTestNGsOrder() {
    assertEquals(Planner.durationClass(50), Planner.durationClass(52));
    assertEquals(Planner.durationClass(0), Planner.durationClass(31), "below 50 ms all count as equal");
    assertTrue(Planner.durationClass(3000) > Planner.durationClass(100));
    assertTrue(Planner.durationClass(130) > Planner.durationClass(100));
  }

  /** Durations of Independent's i1, i2, i3, i4 and s1, in that order, as an earlier run measured them. */
  private static Durations independentMeasured(long... millis) throws Exception {
    String[] names = {"i1", "i2", "i3", "i4", "s1"};
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < names.length; i++) {
      text.append(millis[i]).append('\t').append("mproc.it.suite.groups.Independent.").append(names[i]).append('\n');
    }
    return measured(text.toString());
  }

  private static Durations measured(String durationsFile) throws Exception {
    Path file = TempDirs.file("durations", ".txt");
    Files.writeString(file, durationsFile);
    return Durations.read(file);
  }

  private static int workersWorthStarting(Durations durations, int processors) {
    return workersWorthStarting(durations, processors, Independent.class);
  }

  private static int workersWorthStarting(Durations durations, int processors, Class<?> c) {
    return WorkerNeeds.workersWorthStarting(plan(durations, c), durations, 1000, processors);
  }

  @Test
  public void noMoreWorkersThanTheMeasuredWorkCanRepay() throws Exception {
    assertEquals(workersWorthStarting(independentMeasured(1, 1, 1, 1, 1), 8), 1, "5 ms of work: one worker");
    assertEquals(workersWorthStarting(independentMeasured(1500, 1500, 1500, 1500, 1500), 2), 5, "7.5 s of work: one per unit");
    assertEquals(workersWorthStarting(Durations.none(), 2), 5, "unmeasured: one per unit");
  }

  @Test
  public void mostlyEmptyTestsGetNoMoreWorkersThanProcessors() throws Exception {
    Durations mostlyEmpty = independentMeasured(1, 0, 1, 4000, 1);

    assertEquals(workersWorthStarting(mostlyEmpty, 8), 5, "4 s of work on 8 processors: one per unit");
    assertEquals(workersWorthStarting(mostlyEmpty, 2), 2, "the same on 2 processors");
    assertEquals(workersWorthStarting(independentMeasured(50, 50, 50, 4000, 50), 2), 2,
        "one of 4 s and four of 50 ms: beyond the processors, more workers would not end it sooner");
  }

  @Test
  public void aFewShortTestsBesideALongOneRepayNoWorkerOfTheirOwn() throws Exception {
    assertEquals(workersWorthStarting(independentMeasured(3, 3, 3, 4000, 3), 2), 2,
        "the 4 s test is the run; the four of 3 ms fit beside it in the second worker");
  }

  @Test
  public void testsThatMayWaitStillRepayAWorkerEachAmongEmptyOnes() throws Exception {
    assertEquals(workersWorthStarting(independentMeasured(0, 0, 0, 1500, 1500), 1), 2,
        "most tests are empty, but two of 1.5 s repay a worker each, even on one processor");
  }

  @Test
  public void methodConfigurationIsWorkThatRepaysWorkersToo() throws Exception {
    StringBuilder text = new StringBuilder();
    for (String test : List.of("passes", "fails", "skips", "expectsAnException", "failsWithAnUnserializableException",
        "rowsArePassedWithTheirParameters", "lazyRowsArePassedToo", "repeated")) {
      text.append("1\tmproc.it.suite.MixedB.").append(test).append('\n');
    }
    assertEquals(workersWorthStarting(measured(text.toString()), 1, MixedB.class), 1, "8 empty tests: one worker");
    text.append("5000\tmproc.it.suite.MixedB.beforeEach\n");
    assertEquals(workersWorthStarting(measured(text.toString()), 1, MixedB.class), 5,
        "and 5 s of @BeforeMethod, which may wait: five");
  }

  @Test
  public void aSuiteMeasuredBelowOneWorkerStartIsNotWorthAWorker() throws Exception {
    Path file = TempDirs.file("durations", ".txt");
    String p = "mproc.it.suite.groups.Independent.";
    List<ITestNGMethod> methods = plan(Independent.class).stream().flatMap(u -> u.methods().stream()).toList();
    assertTrue(WorkerNeeds.worthAWorker(WorkerNeeds.measuredMillis(methods, Durations.none())), "unmeasured");
    Files.writeString(file, "100\t" + p + "i1\n100\t" + p + "i2\n100\t" + p + "i3\n100\t" + p + "i4\n100\t" + p + "s1\n");
    assertFalse(WorkerNeeds.worthAWorker(WorkerNeeds.measuredMillis(methods, Durations.read(file))), "0.5 s of work");
    Files.writeString(file, "100\t" + p + "i1\n100\t" + p + "i2\n100\t" + p + "i3\n100\t" + p + "i4\n600\t" + p + "s1\n");
    assertTrue(WorkerNeeds.worthAWorker(WorkerNeeds.measuredMillis(methods, Durations.read(file))), "1 s of work");
    Files.writeString(file, "1\t" + p + "i1\n1\t" + p + "i2\n1\t" + p + "i3\n1\t" + p + "i4\n");
    assertTrue(WorkerNeeds.worthAWorker(WorkerNeeds.measuredMillis(methods, Durations.read(file))), "one test in five unmeasured");
    Files.delete(file);
  }

  @Test
  public void aCostlyBeforeClassCountsAsWorkToo() throws Exception {
    Path file = TempDirs.file("durations", ".txt");
    String p = "mproc.it.suite.affinity.One.";
    List<ITestNGMethod> methods = plan(One.class).stream().flatMap(u -> u.methods().stream()).toList();
    Files.writeString(file, "1\t" + p + "t1\n1\t" + p + "t2\n1\t" + p + "t3\n1\t" + p + "t4\n");
    assertEquals(WorkerNeeds.measuredMillis(methods, Durations.read(file)), 4);
    assertFalse(WorkerNeeds.worthAWorker(WorkerNeeds.measuredMillis(methods, Durations.read(file))), "4 ms of tests");
    Files.writeString(file, "1\t" + p + "t1\n1\t" + p + "t2\n1\t" + p + "t3\n1\t" + p + "t4\n1500\t" + p + "setUp\n");
    assertEquals(WorkerNeeds.measuredMillis(methods, Durations.read(file)), 1504);
    assertTrue(WorkerNeeds.worthAWorker(WorkerNeeds.measuredMillis(methods, Durations.read(file))), "and a @BeforeClass of 1.5 s");
    Files.delete(file);
  }

  @Test
  public void twoWritersOfOneDurationsFileKeepBothTheirMeasurements() throws Exception {
    Path file = TempDirs.directory("durations").resolve("d.txt");
    Durations inParent = Durations.read(file);
    Durations inWorkers = Durations.read(file);
    inParent.record("a.Small.t", 3);
    inWorkers.record("b.Big.t", 4000);
    inParent.write(file);
    inWorkers.write(file);
    Durations both = Durations.read(file);
    assertEquals(both.expected(List.of("a.Small.t", "b.Big.t"), 0), 4003, Files.readString(file));
  }

  @Test
  public void durationsSurviveAWriteAndARead() throws Exception {
    Path file = TempDirs.directory("durations").resolve("d.txt");
    Durations first = Durations.read(file);
    first.record("a.B.c", 40);
    first.record("a.B.c", 2); // a second invocation adds up
    first.write(file);
    Durations second = Durations.read(file);
    assertEquals(second.expected(List.of("a.B.c"), 0), 42);
    assertEquals(second.expected(List.of("x.Y.z"), 7), 7, "unknown: the median given");
  }

  @Test
  public void anEmptyGroupNameIsAnErrorThatNamesTheMethod() {
    try {
      plan(Durations.none(), EmptyName.class);
    } catch (SettingsException e) {
      assertEquals(e.getMessage(), "mproc: @Group on mproc.it.suite.groups.EmptyName.t has an empty name; name the group, e.g. @Group(\"db\")");
      return;
    }
    throw new AssertionError("no error for @Group(\"\")");
  }

  private static List<String> names(List<PlannedUnit> units) {
    List<String> names = new ArrayList<>();
    for (PlannedUnit u : units) {
      names.add(u.methods().stream().map(ITestNGMethod::getMethodName).toList().toString());
    }
    return names;
  }

  private static List<PlannedUnit> plan(Class<?>... classes) {
    return plan(Durations.none(), classes);
  }

  /** Runs TestNG over the classes with an interceptor that plans and then runs nothing. */
  private static List<PlannedUnit> plan(Durations durations, Class<?>... classes) {
    List<PlannedUnit> planned = new ArrayList<>();
    TestNG testng = new TestNG(false);
    testng.setVerbose(0);
    testng.setTestClasses(classes);
    testng.addListener(
        (IMethodInterceptor)
            (List<IMethodInstance> methods, ITestContext context) -> {
              List<ITestNGMethod> selected = methods.stream().map(IMethodInstance::getMethod).toList();
              Planner.checkGroups(selected);
              planned.addAll(Planner.plan(selected, durations));
              return List.of();
            });
    testng.run();
    return planned;
  }
}
