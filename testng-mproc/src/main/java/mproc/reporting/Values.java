package mproc.reporting;

import java.util.ArrayList;
import java.util.List;
import mproc.transport.Message.ValueData;

/** Test parameters to and from their transport form. */
public final class Values {
  private Values() {}

  public static List<ValueData> encode(Object[] values) {
    List<ValueData> encoded = new ArrayList<>(values == null ? 0 : values.length);
    if (values != null) {
      for (Object v : values) {
        encoded.add(new ValueData(Serialized.toBytes(v), String.valueOf(v)));
      }
    }
    return encoded;
  }

  public static Object[] decode(List<ValueData> values) {
    Object[] decoded = new Object[values.size()];
    for (int i = 0; i < decoded.length; i++) {
      ValueData v = values.get(i);
      if (v.serialized() == null) {
        decoded[i] = "null".equals(v.text()) ? null : new RemoteValue(v.text());
      } else {
        Object value = Serialized.fromBytes(v.serialized());
        decoded[i] = value != null ? value : new RemoteValue(v.text());
      }
    }
    return decoded;
  }
}
