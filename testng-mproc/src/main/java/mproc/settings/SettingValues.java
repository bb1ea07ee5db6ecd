package mproc.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of one setting, parsed: a number, a switch, JVM options. A value TestNG left as
 * {@code ${name}} (a suite parameter that names a property nobody set) counts as not given. A value
 * that cannot be parsed is one line that names the setting and shows a good one.
 */
final class SettingValues {
  private SettingValues() {}

  /** True when not given (or left as {@code ${name}}), else what it says. */
  static boolean trueUnlessSaidNot(String name, String value) {
    return value == null || value.contains("${") || isTrue(name, value);
  }

  /** A non-negative whole number, or {@code absent} if the setting is not given. */
  static int wholeNumber(String name, String value, int absent) {
    if (value == null || value.isBlank() || value.contains("${")) {
      return absent;
    }
    try {
      int n = Integer.parseInt(value.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SettingsException(name + ": '" + value + "' is not a valid value; use a whole number, e.g. -D" + name + "=8");
  }

  /** A non-negative number, or {@code absent} if the setting is not given. */
  static double number(String name, String value, double absent, String expected) {
    if (value == null || value.isBlank() || value.contains("${")) {
      return absent;
    }
    try {
      double d = Double.parseDouble(value.trim());
      if (d >= 0 && !Double.isInfinite(d) && !Double.isNaN(d)) {
        return d;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new SettingsException(name + ": '" + value + "' is not a valid value; use " + expected);
  }

  static boolean isTrue(String name, String value) {
    if (value == null) {
      return false;
    }
    String v = value.trim();
    if (v.isEmpty() || v.equalsIgnoreCase("true")) {
      return true;
    }
    if (v.equalsIgnoreCase("false")) {
      return false;
    }
    throw new SettingsException(name + ": '" + value + "' is not a valid value; use true or false");
  }

  /** See {@link Settings#splitArgs}. */
  static List<String> splitArgs(String value) {
    List<String> args = new ArrayList<>();
    if (value == null) {
      return args;
    }
    StringBuilder current = new StringBuilder();
    char quote = 0;
    boolean inArg = false;
    for (char c : value.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          current.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inArg = true;
      } else if (Character.isWhitespace(c)) {
        if (inArg) {
          args.add(current.toString());
          current.setLength(0);
          inArg = false;
        }
      } else {
        current.append(c);
        inArg = true;
      }
    }
    if (quote != 0) {
      throw new SettingsException(Settings.JVM_ARGS + ": unbalanced quote in '" + value + "'");
    }
    if (inArg) {
      args.add(current.toString());
    }
    return args;
  }
}
