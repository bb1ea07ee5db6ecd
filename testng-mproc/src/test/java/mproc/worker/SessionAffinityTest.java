package mproc.worker;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

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

/** Class affinity as a session decides it, on a real claim table, without running TestNG. */
public class SessionAffinityTest {
  private static final String SUITE =
      "<!DOCTYPE suite SYSTEM \"https://testng.org/testng-1.0.dtd\">\n"
          + "<suite name=\"s\"><test name=\"t\"><classes><class name=\"java.lang.Object\"/></classes></test></suite>\n";

  private Path file;
  private ClaimTable claims;
  private WorkBook book;

  @BeforeMethod
  public void book() throws Exception {
    file = Files.createTempFile("mproc-claims", ".bin");
    claims = ClaimTable.open(file);
    book = new WorkBook(claims, 1);
    book.add(new TestPlan(0, "t", SUITE, List.of(), 1));
    book.add(unit(0, "p.A", "a1"));
    book.add(unit(1, "p.A", "a2"));
    book.add(unit(2, "p.B", "b1"));
    book.add(unit(3, "p.B", "b2"));
  }

  @AfterMethod(alwaysRun = true)
  public void close() throws Exception {
    claims.close();
    Files.deleteIfExists(file);
  }

  private static UnitPlan unit(int id, String className, String method) {
    return new UnitPlan(id, 0, List.of(new MethodRef(className, method)), false);
  }

  @Test
  public void aSessionStartsAtTheFirstClassNoOtherWorkerIsIn() {
    assertTrue(claims.claim(0, 2), "worker 2 is in p.A before this worker's session is built");
    Session session = Session.shared(book, book.test(0), book.freeSharedUnits(0), null);

    assertEquals(List.copyOf(session.classNames()), List.of("p.B", "p.A"));
    assertEquals(claims.owner(2), 1L, "p.B is entered as the session is built");
    assertEquals(claims.owner(1), 0L, "p.A's free unit stays free for worker 2 until this session reaches it");
  }

  @Test
  public void withNoUntouchedClassLeftTheWorkerJoinsTheClass() {
    assertTrue(claims.claim(0, 2));
    assertTrue(claims.claim(2, 3), "worker 3 is in p.B");
    Session session = Session.shared(book, book.test(0), book.freeSharedUnits(0), null);

    assertTrue(session.entered("p.A"), "nothing untouched is left: share p.A");
    assertEquals(claims.owner(1), 1L);
  }
}
