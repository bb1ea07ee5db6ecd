package mproc.planning;

import java.util.HashMap;
import java.util.Map;

/** Union-find over method keys: the {@link Planner}'s units are its components. */
final class Components {
  private final Map<String, String> parent = new HashMap<>();

  Components(Iterable<String> keys) {
    keys.forEach(k -> parent.put(k, k));
  }

  String root(String k) {
    String p = parent.get(k);
    if (p.equals(k)) {
      return k;
    }
    String r = root(p);
    parent.put(k, r);
    return r;
  }

  void union(String a, String b) {
    String ra = root(a);
    String rb = root(b);
    if (!ra.equals(rb)) {
      parent.put(rb, ra);
    }
  }
}
