package mproc.reporting.timeline;

/** Just enough JSON writing: strings escaped so that the text may also sit inside an HTML script element. */
final class Json {
  private Json() {}

  static void string(StringBuilder out, String s) {
    if (s == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        // '<', '>' and '&' escaped: the same text is embedded in the HTML report ("</script>" in a message)
        case '<', '>', '&', '\u2028', '\u2029' -> out.append(String.format("\\u%04x", (int) c));
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** {@code "name":} */
  static StringBuilder key(StringBuilder out, String name) {
    string(out, name);
    return out.append(':');
  }
}
