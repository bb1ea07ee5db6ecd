package mproc.reporting;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;

/** Java serialization of one value, returning null instead of failing: the caller has a fallback. */
final class Serialized {
  private Serialized() {}

  static byte[] toBytes(Object value) {
    if (value == null) {
      return null;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    } catch (IOException | RuntimeException e) {
      return null; // not serializable, or its writeObject failed: the text form is used instead
    }
    return bytes.toByteArray();
  }

  static Object fromBytes(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try (ObjectInputStream in = new ContextObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
      return null; // a class the parent lacks or cannot load: the text form is used instead
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
