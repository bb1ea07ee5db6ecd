package mproc.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/**
 * Java serialization of one value. {@link #toBytes}/{@link #fromBytes} return null instead of
 * failing, for callers that have a fallback (a text form); {@link #write}/{@link #read} fail.
 */
public final class Serialized {
  private Serialized() {}

  static byte[] toBytes(Object value) {
    if (value == null) {
      return null;
    }
    try {
      return write(value);
    } catch (IOException | RuntimeException e) {
      return null; // not serializable, or its writeObject failed: the text form is used instead
    }
  }

  static Object fromBytes(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return read(bytes);
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      return null; // a class the parent lacks or cannot load: the text form is used instead
    }
  }

  public static byte[] write(Object value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    return bytes.toByteArray();
  }

  /** Reads a value, resolving classes as test frameworks load them (the context class loader). */
  public static Object read(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }

  /** Resolves classes with the thread's context class loader, as test frameworks load test classes. */
  private static final class ContextObjectInputStream extends ObjectInputStream {
    ContextObjectInputStream(InputStream in) throws IOException {
      super(in);
    }

    @Override
    protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      try {
        return Class.forName(desc.getName(), false, loader);
      } catch (ClassNotFoundException e) {
        return super.resolveClass(desc);
      }
    }
  }
}
