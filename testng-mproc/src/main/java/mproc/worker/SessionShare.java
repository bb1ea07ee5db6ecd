package mproc.worker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Which of the free shareable units of a {@code <test>} one shared {@link Session} takes. */
final class SessionShare {
  private SessionShare() {}

  /**
   * TestNG sets up every class of a run (scans its methods and annotations) before the first test,
   * so a session over all the work would make each worker pay for classes others will run. A session
   * takes this worker's share ({@link #shareOf}), never more methods than this. Measured on 2,000
   * empty tests in 50 classes, 2 workers, first run: one session per worker 6.35 s, sessions of 200
   * methods 5.84 s (100 and 400: within noise). Without {@code SoleInterceptor} TestNG would also
   * sort the rest of a session after each method, which made sessions over 2,000 methods take seconds.
   */
  static final int METHODS_PER_SESSION = 200;

  /**
   * The first whole classes of these free units, up to about this worker's share of them
   * ({@link #shareOf}) and at most {@link #METHODS_PER_SESSION} methods.
   */
  static List<KnownUnit> choose(List<KnownUnit> free, int workers) {
    List<KnownUnit> chosen = new ArrayList<>();
    Set<String> classes = new HashSet<>();
    long taken = 0;
    int methods = 0;
    long share = shareOf(free, workers);
    for (KnownUnit u : free) {
      if (!classes.contains(u.className())) {
        if (taken >= share || methods >= METHODS_PER_SESSION) {
          continue; // the share is full: only units of the classes already taken (longest first may split a class)
        }
        classes.add(u.className());
      }
      chosen.add(u);
      taken += weight(u);
      methods += u.plan.methods().size();
    }
    return chosen;
  }

  /**
   * About how much of the free work a shared session takes, in {@link #weight}s: the free work
   * divided among the test's workers. TestNG sets up every class of a run before its first test,
   * so a worker that took all the free work would set up classes the others run. Measured on 200 x
   * 50 ms sleeps in 10 classes, -cores 4: the workers' first tests began 0.5 s sooner.
   */
  static long shareOf(List<KnownUnit> free, int workers) {
    long total = 0;
    for (KnownUnit u : free) {
      total += weight(u);
    }
    long share = workers > 1 ? (total + workers - 1) / workers : total;
    return Math.max(1, share);
  }

  /**
   * A unit's part of the work: its measured milliseconds, and at least one per method (an empty test
   * still costs about that, and with nothing measured the share is a share of the methods). In time,
   * a session that starts with a long test takes little else: the worker is busy with it, and setting
   * up more classes would only delay it (2,000 empty tests and one of 2 s, -cores 2: the 2 s test's
   * session had set up 200 other methods, which the other worker ran, before starting it).
   */
  static long weight(KnownUnit u) {
    return Math.max(u.plan.expectedMillis(), u.plan.methods().size());
  }
}
