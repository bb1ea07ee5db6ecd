package mproc.planning;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.testng.IMethodInstance;
import org.testng.IMethodInterceptor;
import org.testng.ITestContext;
import org.testng.ITestNGMethod;
import org.testng.TestNG;
import mproc.it.suite.PlanChain;
import mproc.it.suite.PlanPlain;
import mproc.it.suite.PlanTimed;
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

  @Test
  public void methodsTestNGRunsOnAThreadPoolStartARunOfTheirOwn() {
    List<PlannedUnit> units = plan(PlanTimed.class);
    assertTrue(units.get(0).exclusive(), "pooled");
    assertFalse(units.get(1).exclusive(), "simple");
  }

  private static List<String> names(List<PlannedUnit> units) {
    List<String> names = new ArrayList<>();
    for (PlannedUnit u : units) {
      names.add(u.methods().stream().map(ITestNGMethod::getMethodName).toList().toString());
    }
    return names;
  }

  /** Runs TestNG over the classes with an interceptor that plans and then runs nothing. */
  private static List<PlannedUnit> plan(Class<?>... classes) {
    List<PlannedUnit> planned = new ArrayList<>();
    TestNG testng = new TestNG(false);
    testng.setVerbose(0);
    testng.setTestClasses(classes);
    testng.addListener(
        (IMethodInterceptor)
            (List<IMethodInstance> methods, ITestContext context) -> {
              planned.addAll(Planner.plan(methods.stream().map(IMethodInstance::getMethod).toList()));
              return List.of();
            });
    testng.run();
    return planned;
  }
}
