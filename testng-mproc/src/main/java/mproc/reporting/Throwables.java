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
      return t;
    }
    RemoteThrowable remote = new RemoteThrowable(data.className(), data.message(), decode(data.cause()));
    StackTraceElement[] trace = new StackTraceElement[data.frames().size()];
    for (int i = 0; i < trace.length; i++) {
      Frame f = data.frames().get(i);
      trace[i] = new StackTraceElement(f.declaringClass(), f.methodName(), f.fileName(), f.lineNumber());
    }
    remote.setStackTrace(trace);
    return remote;
  }
}
