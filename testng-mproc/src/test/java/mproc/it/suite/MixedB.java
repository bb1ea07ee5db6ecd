package mproc.it.suite;

import static org.testng.Assert.assertEquals;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import org.testng.Reporter;
import org.testng.SkipException;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** One of every outcome, including a failure whose exception class the parent cannot load. */
public class MixedB {
  @BeforeMethod public void beforeEach() {}

  @Test public void passes() throws Exception {
    Reporter.log("hello from the worker");
    Reporter.log(null); // TestNG keeps a null line: a result's lines may hold one
    SlowA.work("passes");
  }

  @Test public void fails() {
    RunLog.record("test fails");
    assertEquals(1, 2, "one is not two");
  }

  @Test public void skips() {
    RunLog.record("test skips");
    throw new SkipException("not today");
  }

  @Test(expectedExceptions = IllegalStateException.class)
  public void expectsAnException() {
    RunLog.record("test expectsAnException");
    throw new IllegalStateException("expected");
  }

  @Test public void failsWithAnUnserializableException() {
    RunLog.record("test failsWithAnUnserializableException");
    throw new Unserializable("the worker's own exception", new java.io.IOException("root cause"));
  }

  @DataProvider public Object[][] rows() {
    return new Object[][] {{1, new Opaque("one")}, {2, new Opaque("two")}, {3, new Opaque("three")}};
  }

  @Test(dataProvider = "rows")
  public void rowsArePassedWithTheirParameters(int n, Opaque label) {
    RunLog.record("test rows" + n);
  }

  /** A lazy data provider: TestNG asks it for each row between two tests. */
  @DataProvider public Iterator<Object[]> lazyRows() {
    return List.of(new Object[] {new Opaque("lazy one")}, new Object[] {new Opaque("lazy two")}).iterator();
  }

  @Test(dataProvider = "lazyRows")
  public void lazyRowsArePassedToo(Opaque label) {
    RunLog.record("test lazyRows " + label);
  }

  @Test(invocationCount = 3)
  public void repeated() {
    RunLog.record("test repeated");
  }

  /** Holds a non-serializable field, so Java serialization of it fails. */
  public static final class Unserializable extends RuntimeException {
    private final transient Object ignored = null;
    private final Thread thread = Thread.currentThread();

    Unserializable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** A parameter that cannot be serialized: it reaches the parent as its text. */
  public static final class Opaque {
    private final String name;
    private final Object lock = new Object();

    Opaque(String name) {
      this.name = name;
    }

    @Override
    public String toString() {
      return "Opaque(" + name + ")";
    }
  }

  /** Serializable, for contrast. */
  public static final class Plain implements Serializable {}
}
