package mproc.worker;

import java.util.ArrayList;
import java.util.List;
import mproc.fixtures.FixtureInjector;
import mproc.testng.TestInstances;
import mproc.transport.Channel;
import mproc.transport.ClaimTable;
import mproc.transport.IdleStrategy;
import mproc.transport.Message;
import mproc.transport.Message.CloseTests;
import mproc.transport.Message.EndOfWork;
import mproc.transport.Message.TestPlan;
import mproc.transport.Message.TestsClosed;
import mproc.transport.Message.UnitPlan;
import mproc.transport.Message.Working;

/**
 * A worker's loop: read what the parent published, find the first unit nobody has claimed, run a
 * {@link Session} that claims as it goes, repeat; close tests when asked; stop at the end of work.
 */
final class Worker {
  private final Channel work;
  private final Channel results;
  private final WorkBook book;
  private final ConfigurationGate gate = new ConfigurationGate();
  /** One instance of each test class per {@code <test>}, across this worker's runs of it. */
  private final TestInstances instances = new TestInstances();
  private final FixtureInjector injector;
  /** Called with the result after each message about a test (its start, its end) this worker sends. */
  private final java.util.function.Consumer<org.testng.ITestResult> afterEachTestMessage;
  /** Called as TestNG reaches each class of a session, before its {@code @BeforeClass}. */
  private final Runnable beforeEachClass;
  private boolean ended;

  /**
   * @param gated a worker JVM waits for the parent's gate ({@link ClaimTable#decideGate}); the parent's own sessions do not
   */
  Worker(long workerId, boolean gated, Channel work, Channel results, ClaimTable claims, FixtureInjector injector,
      java.util.function.Consumer<org.testng.ITestResult> afterEachTestMessage, Runnable beforeEachClass) {
    this.work = work;
    this.results = results;
    this.book = new WorkBook(claims, workerId, gated);
    this.injector = injector;
    this.afterEachTestMessage = afterEachTestMessage;
    this.beforeEachClass = beforeEachClass;
  }

  void run() {
    IdleStrategy idle = new IdleStrategy(1_000_000);
    while (true) {
      if (step()) {
        idle.reset();
      } else if (ended) {
        break;
      } else {
        idle.idle();
      }
    }
    finish();
  }

  /** Reads what was published and runs one session from the first free unit; false if none was free. */
  boolean step() {
    readPublished();
    KnownUnit next = book.firstFree();
    if (next == null) {
      return help(book.unitToHelp());
    }
    KnownTest test = book.test(next.plan.testId());
    settingUp(test, next);
    run(next.plan.exclusive()
        ? Session.exclusive(book, test, next, results)
        : Session.shared(book, test, book.freeSharedUnits(test.id), results));
    return true;
  }

  /** Runs a session over the rows of a unit another worker holds that nobody has claimed yet; false if {@code unit} is null. */
  private boolean help(KnownUnit unit) {
    if (unit == null) {
      return false;
    }
    KnownTest test = book.test(unit.plan.testId());
    settingUp(test, unit);
    run(Session.helping(book, test, unit, results));
    return true;
  }

  /** Before any claim: the parent times a worker that holds work from its last message. */
  private void settingUp(KnownTest test, KnownUnit unit) {
    results.send(new Working(test.id, unit.className(), "", -1, Working.Kind.SETUP));
  }

  private void run(Session session) {
    if (session != null) {
      session.afterEachTestMessage(afterEachTestMessage);
      session.beforeEachClass(beforeEachClass);
      session.run(gate, injector, instances);
    }
  }

  /** Whether it has read the end of the work. */
  boolean ended() {
    return ended;
  }

  /** Claims nothing more: the session in progress passes over what it has not started. Any thread may call it. */
  void stopClaiming() {
    book.stop();
  }

  /** The end of work: closes the tests this worker ran that were not closed yet. */
  void finish() {
    closeTests(book.tests().stream().filter(t -> t.touched && !t.closed).toList());
  }

  void readPublished() {
    for (Message m = work.poll(); m != null; m = work.poll()) {
      if (m instanceof TestPlan plan) {
        book.add(plan);
      } else if (m instanceof UnitPlan plan) {
        book.add(plan);
      } else if (m instanceof CloseTests close) {
        List<KnownTest> tests = new ArrayList<>();
        close.testIds().forEach(id -> tests.add(book.test(id)));
        closeTests(tests.stream().filter(t -> t.touched && !t.closed).toList());
        results.send(new TestsClosed(close.batch()));
      } else if (m instanceof EndOfWork) {
        ended = true;
      }
    }
  }

  /**
   * Runs the closing configuration of these tests. The parent asks once a suite is over, so its
   * {@code @AfterSuite} methods may run in any of them (once each: {@link ConfigurationGate}).
   */
  private void closeTests(List<KnownTest> tests) {
    tests.forEach(t -> new ClosingRun(t, results).run(gate, injector, instances));
  }
}
