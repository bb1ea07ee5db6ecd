package mproc.reporting;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertSame;
import static org.testng.Assert.assertTrue;

import org.testng.SkipException;
import org.testng.annotations.Test;

public class ThrowablesTest {
  /** TestNG 7.12's SkipException does not serialize; the parent must still report a SkipException, as a sequential run does. */
  @Test
  public void aSkipExceptionComesBackAsOneWithItsMessageAndStackTrace() {
    SkipException thrown = new SkipException("no database here");
    Throwable back = Throwables.decode(Throwables.encode(thrown));
    assertSame(back.getClass(), SkipException.class);
    assertEquals(back.getMessage(), "no database here");
    assertEquals(frames(back), frames(thrown));
  }

  /** Each frame's class, method, file and line (what travels; not the class loader's name). */
  private static java.util.List<String> frames(Throwable t) {
    return java.util.Arrays.stream(t.getStackTrace())
        .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")").toList();
  }

  /** The JDK's helpful message of a NullPointerException is made where it was thrown and not serialized; it comes back all the same. */
  @Test
  public void aNullPointerExceptionKeepsItsHelpfulMessageAtTheTopAndAsACause() {
    NullPointerException npe = helpfulNullPointerException();
    String message = npe.getMessage();
    assertTrue(message != null && message.contains("is null"), "the JDK made a helpful message: " + message);
    Throwable back = Throwables.decode(Throwables.encode(npe));
    assertSame(back.getClass(), NullPointerException.class);
    assertEquals(back.getMessage(), message);
    assertEquals(frames(back), frames(npe));
    Throwable wrapped = Throwables.decode(Throwables.encode(new IllegalStateException("wraps", helpfulNullPointerException())));
    assertEquals(wrapped.getCause().getMessage(), message);
  }

  private static String nothing;

  private static NullPointerException helpfulNullPointerException() {
    try {
      nothing.length();
      throw new AssertionError("no NullPointerException");
    } catch (NullPointerException e) {
      return e;
    }
  }

  @Test
  public void aThrowableOfAClassThatDoesNotSerializeComesBackAsARemoteThrowableNamingIt() {
    IllegalStateException thrown = new IllegalStateException("kept", new UnserializableCause());
    Throwable back = Throwables.decode(Throwables.encode(thrown));
    assertSame(back.getClass(), RemoteThrowable.class);
    assertEquals(((RemoteThrowable) back).originalClassName(), IllegalStateException.class.getName());
    assertEquals(back.getMessage(), "kept");
  }

  private static final class UnserializableCause extends RuntimeException {
    @SuppressWarnings("unused")
    private final transient Object lock = new Object();
    @SuppressWarnings("unused")
    private final Thread notSerializable = Thread.currentThread();
  }
}
