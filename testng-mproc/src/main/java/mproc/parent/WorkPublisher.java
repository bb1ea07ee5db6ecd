package mproc.parent;

import java.util.ArrayList;
import java.util.List;
import mproc.planning.Durations;
import mproc.planning.PlannedUnit;
import mproc.planning.Planner;
import mproc.testng.RunOptions;
import mproc.transport.Channel;
import mproc.transport.ClaimTable;
import mproc.transport.Message.CloseTests;
import mproc.transport.Message.EndOfWork;
import mproc.transport.Message.MethodRef;
import mproc.transport.Message.TestPlan;
import mproc.transport.Message.UnitPlan;
import org.testng.ITestContext;

/**
 * The parent's write side, the work channel: each {@code <test>}'s plan and units under ids unique
 * in the run, the rest of a lost worker's unit under a new one, the closing of tests, the end.
 */
final class WorkPublisher {
  private final Channel work;
  private int nextTestId;
  private int nextUnitId;
  private int closeBatch;
  private boolean workEnded;

  WorkPublisher(Channel work) {
    this.work = work;
  }

  /** A {@code <test>}'s dispatch, its units numbered after the run's earlier ones (nothing sent yet). */
  /** @param passedOver whether a row of a spread unit is one TestNG's filter passes over (from the claims) */
  TestDispatch newTest(ITestContext context, List<PlannedUnit> units, Durations durations,
      java.util.function.BiPredicate<Integer, Integer> passedOver) {
    if (workEnded) { // the suites TestNG listed have all ended; none should come after
      throw new IllegalStateException("mproc: <test> " + context.getName() + " came after the end of the work was sent to the workers");
    }
    TestDispatch test = new TestDispatch(nextTestId++, context, units, nextUnitId, durations, passedOver);
    nextUnitId += units.size();
    return test;
  }

  /** Whether any {@code <test>} has been handed out yet. */
  boolean dispatchedAny() {
    return nextTestId > 0;
  }

  /** The test's plan (spread over {@code workers}) and then each of its units. */
  void publish(TestDispatch test, String testName, String suiteXml, int workers) {
    work.send(new TestPlan(test.testId, testName, suiteXml, test.configurations.suiteAndTestLevelClasses(),
        test.configurations.otherTestsSuiteLevelClasses(), workers,
        RunOptions.forTest(test.context.getCurrentXmlTest())));
    test.units().forEach((id, unit) -> publish(test, id, unit));
  }

  /** The rest of a lost worker's unit {@code lostUnitId}, published again under a new id. */
  void requeue(TestDispatch test, PlannedUnit again, int lostUnitId) {
    int id = nextUnitId++;
    test.requeue(id, again, lostUnitId);
    publish(test, id, again);
  }

  private void publish(TestDispatch test, int unitId, PlannedUnit unit) {
    if (unitId >= ClaimTable.CAPACITY) {
      throw new IllegalStateException("more than " + ClaimTable.CAPACITY + " units of work in one run");
    }
    work.send(new UnitPlan(unitId, test.testId, test.methodRefs(unit), unit.exclusive(), Math.max(0, unit.expectedMillis()), test.rowsOf(unitId)));
  }

  /** Asks every worker to run these tests' closing configuration; returns the batch they answer with. */
  int closeTests(List<Integer> testIds) {
    int batch = ++closeBatch;
    work.send(new CloseTests(batch, testIds));
    return batch;
  }

  /** Sends the end of the work, once: {@link DistributedRun#endWork} may have sent it before the run closes. */
  void endOfWork() {
    if (!workEnded) {
      workEnded = true;
      work.send(new EndOfWork());
    }
  }
}
