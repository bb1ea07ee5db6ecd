package mproc.reporting;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import mproc.transport.Message.Frame;
import mproc.transport.Message.ThrowableData;

/** Throwables to and from their transport form. */
public final class Throwables {
  private Throwables() {}

  /** Encodes a throwable: serialized when possible, and always as text with its cause chain. */
  public static ThrowableData encode(Throwable t) {
    return t == null ? null : encode(t, Serialized.toBytes(t), new IdentityHashMap<>());
  }

  private static ThrowableData encode(Throwable t, byte[] serialized, Map<Throwable, Boolean> seen) {
    seen.put(t, true);
    List<Frame> frames = new ArrayList<>();
    for (StackTraceElement e : t.getStackTrace()) {
      frames.add(new Frame(e.getClassName(), e.getMethodName(), e.getFileName(), e.getLineNumber()));
    }
    Throwable cause = t.getCause();
    ThrowableData encodedCause = cause == null || seen.containsKey(cause) ? null : encode(cause, null, seen);
    return new ThrowableData(serialized, t.getClass().getName(), t.getMessage(), frames, encodedCause);
  }

  /** The original throwable if the parent can deserialize it, else a {@link RemoteThrowable}. */
  public static Throwable decode(ThrowableData data) {
    if (data == null) {
      return null;
    }
    Object original = Serialized.fromBytes(data.serialized());
    if (original instanceof Throwable t) {
      return withNullPointerMessages(t, data);
    }
    Throwable cause = decode(data.cause());
    Throwable skip = skipException(data, cause);
    Throwable made = skip != null ? skip : new RemoteThrowable(data.className(), data.message(), cause);
    StackTraceElement[] trace = new StackTraceElement[data.frames().size()];
    for (int i = 0; i < trace.length; i++) {
      Frame f = data.frames().get(i);
      trace[i] = new StackTraceElement(f.declaringClass(), f.methodName(), f.fileName(), f.lineNumber());
    }
    made.setStackTrace(trace);
    return made;
  }

  /**
   * A {@code NullPointerException}'s helpful message ("Cannot invoke ... because ... is null", JDK
   * 14+) is made from its JVM's backtrace when first asked for, and is not serialized: each one in
   * the cause chain gets the worker's text of it back (by reflection, which the JVM flags of the
   * README allow), or, at the top, is replaced by one made with it.
   */
  private static Throwable withNullPointerMessages(Throwable t, ThrowableData data) {
    Throwable level = t;
    for (ThrowableData d = data; level != null && d != null; d = d.cause(), level = level.getCause()) {
      if (level instanceof NullPointerException && level.getMessage() == null && d.message() != null) {
        setMessage(level, d.message());
      }
    }
    if (t.getClass() != NullPointerException.class || t.getMessage() != null || data.message() == null) {
      return t;
    }
    NullPointerException made = new NullPointerException(data.message()); // java.lang not opened to us
    made.setStackTrace(t.getStackTrace());
    if (t.getCause() != null) {
      made.initCause(t.getCause());
    }
    for (Throwable suppressed : t.getSuppressed()) {
      made.addSuppressed(suppressed);
    }
    return made;
  }

  private static void setMessage(Throwable t, String message) {
    try {
      java.lang.reflect.Field detail = Throwable.class.getDeclaredField("detailMessage");
      detail.setAccessible(true);
      detail.set(t, message);
    } catch (ReflectiveOperationException | RuntimeException e) {
      // java.lang not opened to us: the message stays lost, but at the top (see withNullPointerMessages)
    }
  }

  /**
   * TestNG's {@code SkipException} (7.12) cannot be serialized: it holds a lock. One is made again
   * here, with its class's {@code (String)} constructor, so that the report names its class as a
   * sequential run's does; null for any other class, or one made otherwise (a
   * {@link RemoteThrowable} then stands for it).
   */
  private static Throwable skipException(ThrowableData data, Throwable cause) {
    try {
      Class<?> c = Class.forName(data.className(), false, Thread.currentThread().getContextClassLoader());
      if (!org.testng.SkipException.class.isAssignableFrom(c)) {
        return null;
      }
      Throwable made = (Throwable) c.getConstructor(String.class).newInstance(data.message());
      if (cause != null && made.getCause() == null) {
        made.initCause(cause);
      }
      return made;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null; // no such constructor, or it failed: the RemoteThrowable keeps the class's name
    }
  }
}
