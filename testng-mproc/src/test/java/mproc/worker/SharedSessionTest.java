package mproc.worker;

import mproc.TempDirs;
import static org.testng.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import mproc.transport.ClaimTable;
import mproc.transport.Message.MethodRef;
import mproc.transport.Message.TestPlan;
import mproc.transport.Message.UnitPlan;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Test;

/**
 * A shared session's choices, on a real claim table, without running TestNG: how much of the free
 * work it takes, where it starts, and which classes it enters or passes over (class affinity).
 */
public class SharedSessionTest {
  private static final String SUITE =
      "<!DOCTYPE suite SYSTEM \"https://testng.org/testng-1.0.dtd\">\n"
          + "<suite name=\"s\"><test name=\"t\"><classes><class name=\"java.lang.Object\"/></classes></test></suite>\n";

  private Path file;
  private ClaimTable claims;

  @BeforeMethod
  public void claims() throws Exception {
    file = TempDirs.file("mproc-claims", ".bin");
    claims = mproc.transport.MappedClaimTable.open(file);
  }

  @AfterMethod(alwaysRun = true)
  public void close() throws Exception {
    claims.close();
    Files.deleteIfExists(file);
  }

  /** Worker 1's book of one test spread over {@code workers}, with {@code classes} classes of {@code methods} one-method units. */
  private WorkBook book(int workers, int classes, int methods) {
    return book(1, workers, classes, methods);
  }

  /** The same book, as worker {@code worker} sees it. */
  private WorkBook book(long worker, int workers, int classes, int methods) {
    WorkBook book = new WorkBook(claims, worker, false);
    book.add(new TestPlan(0, "t", SUITE, List.of(), List.of(), workers, List.of()));
    int id = 0;
    for (int c = 0; c < classes; c++) {
      for (int m = 0; m < methods; m++) {
        book.add(new UnitPlan(id++, 0, List.of(new MethodRef("p.C" + c, "m" + m, List.of(0))), false, 0));
      }
    }
    return book;
  }

  private static Session session(WorkBook book) {
    return Session.shared(book, book.test(0), book.freeSharedUnits(0), null);
  }

  @Test
  public void withFourWorkersASessionTakesWholeClassesUpToAQuarterOfTheWork() {
    Session session = session(book(4, 10, 20));

    assertEquals(List.copyOf(session.classNames()), List.of("p.C0", "p.C1", "p.C2"), "60 methods: the first whole classes past 50");
  }

  @Test
  public void aLoneWorkerTakesEverything() {
    assertEquals(session(book(1, 10, 20)).classNames().size(), 10);
  }

  @Test
  public void noSessionTakesMoreThanTheLimit() {
    assertEquals(session(book(2, 50, 40)).classNames().size(), 5, "2,000 methods on 2 workers: 200 per session");
  }

  @Test
  public void theShareIsOfWhatIsStillFree() {
    WorkBook book = book(4, 10, 20);
    for (int id = 0; id < 160; id++) {
      assertEquals(claims.claim(id, 2), true);
    }

    assertEquals(List.copyOf(session(book).classNames()), List.of("p.C8"), "40 free methods on 4 workers: one class is enough");
  }

  /** One test of {@code longMillis} in p.Long, then 200 of 0 ms in five classes of 40, on 2 workers. */
  private WorkBook longFirstBook(long longMillis) {
    WorkBook book = new WorkBook(claims, 1, false);
    book.add(new TestPlan(0, "t", SUITE, List.of(), List.of(), 2, List.of()));
    book.add(new UnitPlan(0, 0, List.of(new MethodRef("p.Long", "long", List.of(0))), false, longMillis));
    for (int id = 1; id <= 200; id++) {
      book.add(new UnitPlan(id, 0, List.of(new MethodRef("p.C" + (id - 1) / 40, "empty" + id, List.of(0))), false, 0));
    }
    return book;
  }

  @Test
  public void aSessionThatStartsWithALongMeasuredTestTakesLittleElse() {
    assertEquals(List.copyOf(session(longFirstBook(2_000)).classNames()), List.of("p.Long"),
        "2 s of about 2.2 s on 2 workers is more than a share");
  }

  @Test
  public void aMeasuredSessionStillTakesNoMoreThanTheLimitOfMethods() {
    WorkBook book = new WorkBook(claims, 1, false);
    book.add(new TestPlan(0, "t", SUITE, List.of(), List.of(), 2, List.of()));
    for (int id = 0; id < 2_000; id++) {
      book.add(new UnitPlan(id, 0, List.of(new MethodRef("p.C" + id / 40, "m" + id, List.of(0))), false, 100));
    }

    assertEquals(session(book).classNames().size(), 5, "a share of 100 s is 1,000 methods: 200 of them");
  }

  @Test
  public void withNothingMeasuredTheShareIsOfTheMethods() {
    assertEquals(List.copyOf(session(longFirstBook(0)).classNames()), List.of("p.Long", "p.C0", "p.C1", "p.C2"),
        "201 methods on 2 workers: the first whole classes past 101");
  }

  @Test
  public void aClassSplitByLongestFirstOrderIsTakenWhole() {
    WorkBook book = new WorkBook(claims, 1, false);
    book.add(new TestPlan(0, "t", SUITE, List.of(), List.of(), 3, List.of()));
    book.add(new UnitPlan(0, 0, List.of(new MethodRef("p.Slow", "long", List.of(0))), false, 0));
    book.add(new UnitPlan(1, 0, List.of(new MethodRef("p.Other", "medium", List.of(0))), false, 0));
    book.add(new UnitPlan(2, 0, List.of(new MethodRef("p.Slow", "short", List.of(0))), false, 0));

    Session session = session(book);

    assertEquals(List.copyOf(session.classNames()), List.of("p.Slow"), "3 methods on 3 workers: one class");
    assertEquals(session.unitCount(), 2, "both of p.Slow's units, though p.Other's lies between them");
  }

  @Test
  public void aSessionEntersItsFirstClassBeforeTestNGSetsItUp() {
    Session session = session(book(4, 3, 2));

    assertEquals(claims.owner(0), 1L, "p.C0's first unit is this worker's at once");
    assertEquals(claims.owner(1), 0L, "the rest is claimed as TestNG reaches it");
    assertEquals(book(2, 4, 3, 2).freeSharedUnits(0).get(0).className(), "p.C1", "another worker's session starts elsewhere");
    assertEquals(session.entered("p.C0"), true);
  }

  @Test
  public void aSessionStartsAtTheFirstClassNoOtherWorkerIsIn() {
    WorkBook book = book(1, 2, 2);
    assertEquals(claims.claim(0, 2), true, "worker 2 is in p.C0 before this worker's session is built");

    Session session = session(book);

    assertEquals(List.copyOf(session.classNames()), List.of("p.C1", "p.C0"));
    assertEquals(claims.owner(2), 1L, "p.C1 is entered as the session is built");
    assertEquals(claims.owner(1), 0L, "p.C0's free unit stays free for worker 2 until this session reaches it");
  }

  @Test
  public void aClassWithBeforeClassAnotherWorkerEntersIsPassedOverWhileAClassOutsideTheSessionIsUntouched() {
    Session session = session(book(2, 3, 2));
    assertEquals(List.copyOf(session.classNames()), List.of("p.C0", "p.C1"), "6 methods on 2 workers: 3 or more");
    session.hasClassConfiguration("p.C1");
    assertEquals(claims.claim(2, 2), true, "worker 2 enters p.C1 before this worker reaches it");

    assertEquals(session.entered("p.C1"), false, "p.C2 is untouched: a new session goes there instead of running p.C1's @BeforeClass again");
    assertEquals(claims.owner(3), 0L);
  }

  @Test
  public void aClassWithoutClassConfigurationIsJoinedRatherThanPaidANewSessionFor() {
    Session session = session(book(2, 3, 2));
    assertEquals(claims.claim(2, 2), true, "worker 2 enters p.C1 before this worker reaches it");

    assertEquals(session.entered("p.C1"), true, "p.C2 is untouched, but joining p.C1 costs no @BeforeClass");
    assertEquals(claims.owner(3), 1L);
  }

  @Test
  public void withEveryClassTouchedTheWorkerJoinsEvenAClassWithBeforeClass() {
    Session session = session(book(1, 2, 2));
    session.hasClassConfiguration("p.C1");
    assertEquals(claims.claim(2, 2), true, "worker 2 enters p.C1");

    assertEquals(session.entered("p.C1"), true, "nothing untouched is left: share p.C1");
    assertEquals(claims.owner(3), 1L);
  }
}
