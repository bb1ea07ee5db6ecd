package mproc.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cucumber's json report read as text, just enough to join the parts that worker runs wrote: one
 * feature per {@code uri}, its scenarios ({@code elements}) in the feature's order, a background
 * before each scenario as Cucumber writes it. A scenario's rows are spread over the workers, so one
 * feature's scenarios may come from several parts; everything else in the text is kept as written.
 */
final class CucumberJson {
  private CucumberJson() {}

  /** The json arrays, joined: their items in order, features of one uri as one. */
  static String join(List<String> arrays) {
    Map<String, String> features = new LinkedHashMap<>(); // by uri (or the item itself, for an item without one)
    Map<String, List<String>> elements = new LinkedHashMap<>();
    for (String array : arrays) {
      for (String item : items(array)) {
        String uri = member(item, "uri");
        String key = uri == null || member(item, "elements") == null ? "item " + features.size() : uri;
        features.putIfAbsent(key, item);
        if (key.equals(uri)) {
          elements.computeIfAbsent(key, k -> new ArrayList<>()).addAll(items(member(item, "elements")));
        }
      }
    }
    List<String> joined = new ArrayList<>();
    features.forEach((key, feature) -> joined.add(elements.containsKey(key) ? withElements(feature, inFeatureOrder(elements.get(key))) : feature));
    return joined.isEmpty() ? "[]" : "[\n" + String.join(",\n", joined) + "\n]";
  }

  /** Scenarios by their line, each with the backgrounds Cucumber wrote right before it. */
  private static List<String> inFeatureOrder(List<String> elements) {
    List<List<String>> chunks = new ArrayList<>();
    List<String> chunk = new ArrayList<>();
    for (String e : elements) {
      chunk.add(e);
      if (!"\"background\"".equals(member(e, "type"))) {
        chunks.add(chunk);
        chunk = new ArrayList<>();
      }
    }
    if (!chunk.isEmpty()) {
      chunks.add(chunk);
    }
    chunks.sort(Comparator.comparingLong(c -> line(c.get(c.size() - 1)))); // stable
    List<String> ordered = new ArrayList<>();
    chunks.forEach(ordered::addAll);
    return ordered;
  }

  private static long line(String element) {
    String line = member(element, "line");
    try {
      return line == null ? Long.MAX_VALUE : Long.parseLong(line.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE; // not a number: after the others, in its order
    }
  }

  private static String withElements(String feature, List<String> elements) {
    int[] span = span(feature, "elements");
    return feature.substring(0, span[0]) + "[" + String.join(",", elements) + "]" + feature.substring(span[1]);
  }

  /** The items of a json array, each as its text. */
  static List<String> items(String array) {
    List<String> items = new ArrayList<>();
    int i = skip(array, 0);
    if (i >= array.length() || array.charAt(i) != '[') {
      throw new IllegalArgumentException("not a json array");
    }
    i = skip(array, i + 1);
    while (i < array.length() && array.charAt(i) != ']') {
      int end = end(array, i);
      items.add(array.substring(i, end));
      i = skip(array, end);
      if (i < array.length() && array.charAt(i) == ',') {
        i = skip(array, i + 1);
      }
    }
    return items;
  }

  /** The text of a member's value in a json object (a string keeps its quotes), or null. */
  static String member(String object, String name) {
    int[] span = span(object, name);
    return span == null ? null : object.substring(span[0], span[1]);
  }

  private static int[] span(String object, String name) {
    int i = skip(object, 0);
    if (i >= object.length() || object.charAt(i) != '{') {
      return null;
    }
    i = skip(object, i + 1);
    while (i < object.length() && object.charAt(i) == '"') {
      int keyEnd = end(object, i);
      String key = object.substring(i + 1, keyEnd - 1);
      int value = skip(object, skip(object, keyEnd) + 1); // past the ':'
      int valueEnd = end(object, value);
      if (key.equals(name)) {
        return new int[] {value, valueEnd};
      }
      i = skip(object, valueEnd);
      if (i < object.length() && object.charAt(i) == ',') {
        i = skip(object, i + 1);
      }
    }
    return null;
  }

  /** Where the json value that starts at {@code i} ends. */
  private static int end(String s, int i) {
    char c = s.charAt(i);
    if (c == '"') {
      for (int j = i + 1; j < s.length(); j++) {
        if (s.charAt(j) == '\\') {
          j++;
        } else if (s.charAt(j) == '"') {
          return j + 1;
        }
      }
      throw new IllegalArgumentException("a json string does not end");
    }
    if (c == '{' || c == '[') {
      int depth = 0;
      for (int j = i; j < s.length(); j++) {
        char d = s.charAt(j);
        if (d == '"') {
          j = end(s, j) - 1;
        } else if (d == '{' || d == '[') {
          depth++;
        } else if (d == '}' || d == ']') {
          if (--depth == 0) {
            return j + 1;
          }
        }
      }
      throw new IllegalArgumentException("a json object or array does not end");
    }
    int j = i;
    while (j < s.length() && ",}] \t\r\n".indexOf(s.charAt(j)) < 0) {
      j++;
    }
    return j;
  }

  private static int skip(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }
}
