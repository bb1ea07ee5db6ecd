package mproc;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.testng.ISuite;

/**
 * Which suites of this execution run on workers, and the ids of their {@code <test>}s handed out so
 * far. Synchronized: suites may run on threads of their own ({@code -suitethreadpoolsize}), and
 * TestNG's threads read it before each method.
 */
final class DistributedSuites {
  private final Map<ISuite, Boolean> decided = new IdentityHashMap<>();
  private final Map<ISuite, List<Integer>> testIds = new IdentityHashMap<>();

  synchronized void decide(ISuite suite, boolean distributes) {
    decided.put(suite, distributes);
  }

  /** Whether the suite's tests run on workers; false for a suite not decided (yet). */
  synchronized boolean distributes(ISuite suite) {
    return Boolean.TRUE.equals(decided.get(suite));
  }

  /** Whether any suite runs on workers. */
  synchronized boolean any() {
    return decided.containsValue(Boolean.TRUE);
  }

  /** Whether a suite other than this one runs on workers. */
  synchronized boolean anyBut(ISuite suite) {
    return decided.entrySet().stream().anyMatch(e -> e.getKey() != suite && e.getValue());
  }

  /** One of the suite's {@code <test>}s was handed to the workers, with this id. */
  synchronized void handedOut(ISuite suite, int testId) {
    testIds.computeIfAbsent(suite, s -> new ArrayList<>()).add(testId);
  }

  /** The ids of the suite's {@code <test>}s handed to the workers; empty if none was. */
  synchronized List<Integer> testIds(ISuite suite) {
    return List.copyOf(testIds.getOrDefault(suite, List.of()));
  }

  /** The suites whose tests ran on workers (for the timeline report). */
  synchronized List<ISuite> withTests() {
    return decided.entrySet().stream().filter(e -> e.getValue() && testIds.containsKey(e.getKey())).map(Map.Entry::getKey).toList();
  }
}
