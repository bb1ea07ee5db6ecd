package mproc.transport;

import java.util.ArrayList;
import java.util.List;
import mproc.transport.Message.Frame;
import mproc.transport.Message.ThrowableData;
import mproc.transport.Message.ValueData;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/** The fields of {@link MessageCodec}'s messages that are more than one value: lists, byte arrays, throwables. */
final class Fields {
  private Fields() {}

  static void writeValues(BytesOut<?> out, List<ValueData> values) {
    out.writeStopBit(values.size());
    for (ValueData value : values) {
      writeBytes(out, value.serialized());
      out.writeUtf8(value.text());
    }
  }

  static List<ValueData> readValues(BytesIn<?> in) {
    int n = (int) in.readStopBit();
    List<ValueData> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(new ValueData(readBytes(in), in.readUtf8()));
    }
    return values;
  }

  static void writeThrowable(BytesOut<?> out, ThrowableData t) {
    out.writeBoolean(t != null);
    if (t == null) {
      return;
    }
    writeBytes(out, t.serialized());
    out.writeUtf8(t.className()).writeUtf8(t.message());
    out.writeStopBit(t.frames().size());
    for (Frame f : t.frames()) {
      out.writeUtf8(f.declaringClass()).writeUtf8(f.methodName()).writeUtf8(f.fileName()).writeInt(f.lineNumber());
    }
    writeThrowable(out, t.cause());
  }

  static ThrowableData readThrowable(BytesIn<?> in) {
    if (!in.readBoolean()) {
      return null;
    }
    byte[] serialized = readBytes(in);
    String className = in.readUtf8();
    String message = in.readUtf8();
    int n = (int) in.readStopBit();
    List<Frame> frames = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      frames.add(new Frame(in.readUtf8(), in.readUtf8(), in.readUtf8(), in.readInt()));
    }
    return new ThrowableData(serialized, className, message, frames, readThrowable(in));
  }

  static void writeStrings(BytesOut<?> out, List<String> strings) {
    out.writeStopBit(strings.size());
    strings.forEach(out::writeUtf8);
  }

  static List<String> readStrings(BytesIn<?> in) {
    int n = (int) in.readStopBit();
    List<String> strings = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      strings.add(in.readUtf8());
    }
    return strings;
  }

  static void writeBytes(BytesOut<?> out, byte[] bytes) {
    if (bytes == null) {
      out.writeStopBit(-1);
    } else {
      out.writeStopBit(bytes.length);
      out.write(bytes);
    }
  }

  static byte[] readBytes(BytesIn<?> in) {
    int n = (int) in.readStopBit();
    if (n < 0) {
      return null;
    }
    byte[] bytes = new byte[n];
    in.read(bytes);
    return bytes;
  }
}
