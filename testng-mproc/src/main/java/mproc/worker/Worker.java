package mproc.worker;

import java.util.ArrayList;
import java.util.List;
import mproc.transport.Channel;
import mproc.transport.ClaimTable;
import mproc.transport.IdleStrategy;
import mproc.transport.Message;
import mproc.transport.Message.CloseTests;
import mproc.transport.Message.EndOfWork;
import mproc.transport.Message.TestPlan;
import mproc.transport.Message.TestsClosed;
import mproc.transport.Message.UnitPlan;

/**
 * A worker's loop: read what the parent published, claim the next free unit, run it in a
 * {@link Session}, repeat; close tests when asked; stop at the end of work.
 */
final class Worker {
  private final Channel work;
  private final Channel results;
  private final WorkBook book;
  private final SuiteLevelConfiguration suiteLevel = new SuiteLevelConfiguration();
  private boolean ended;

  Worker(long workerId, Channel work, Channel results, ClaimTable claims) {
    this.work = work;
    this.results = results;
    this.book = new WorkBook(claims, workerId);
  }

  void run() {
    IdleStrategy idle = new IdleStrategy(1_000_000);
    while (true) {
      readPublished();
      KnownUnit unit = book.claimNext();
      if (unit != null) {
        new Session(book, book.test(unit.plan.testId()), unit, results).run(suiteLevel);
        idle.reset();
      } else if (ended) {
        break;
      } else {
        idle.idle();
      }
    }
    closeTests(book.tests().stream().filter(t -> t.touched && !t.closed).toList());
  }

  private void readPublished() {
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
   * {@code @AfterSuite} methods may run in any of them (once each: {@link SuiteLevelConfiguration}).
   */
  private void closeTests(List<KnownTest> tests) {
    tests.forEach(t -> new ClosingRun(t, results).run(suiteLevel));
  }
}
