package mproc.parent;

import java.util.function.LongSupplier;
import mproc.transport.Message.Working;

/**
 * {@code mproc.timeout}'s rules, on a clock passed in (so that they are tested without waiting): a
 * test in flight too long, or a worker silent too long outside a test, and how each is reported.
 */
final class WorkerTimeouts {
  private final double timeoutSeconds;
  private final LongSupplier nanoClock;

  WorkerTimeouts(double timeoutSeconds, LongSupplier nanoClock) {
    this.timeoutSeconds = timeoutSeconds;
    this.nanoClock = nanoClock;
  }

  long now() {
    return nanoClock.getAsLong();
  }

  /** The parent read a message of the worker now. */
  void heard(RemoteWorker w) {
    w.heardNanos = now();
  }

  /** Its test in flight has run past the timeout. */
  boolean ranTooLong(RemoteWorker w) {
    return w.inFlight != null && past(w.inFlightSinceNanos);
  }

  /**
   * Ready, no test in flight, and nothing heard for the timeout (a worker says when it starts a
   * run's set-up, a configuration method or a data provider): stuck in one of those, if it holds
   * work ({@link DistributedRun} checks that).
   */
  boolean silentTooLong(RemoteWorker w) {
    return w.inFlight == null && w.ready && past(w.heardNanos);
  }

  /** Whether {@code mproc.timeout} is set and has passed since then. */
  boolean past(long sinceNanos) {
    return timeoutSeconds > 0 && now() - sinceNanos > (long) (timeoutSeconds * 1e9);
  }

  /** Why a worker whose test ran too long was stopped. */
  String testRanTooLong(RemoteWorker w, String threads) {
    return "mproc.timeout: " + w.inFlight.className() + "." + w.inFlight.methodName() + " ran longer than " + seconds() + " s in "
        + w.process.describe() + ", which was stopped; its threads:\n" + threads;
  }

  /** Why a worker silent too long outside a test was stopped. */
  String stuckOutsideTests(RemoteWorker w, String threads) {
    return "mproc.timeout: " + w.process.describe() + " ran " + doing(w.working) + " for longer than " + seconds()
        + " s, and was stopped; its threads:\n" + threads;
  }

  /** Why a worker that ran its closing configuration too long was stopped. */
  String closingRanTooLong(RemoteWorker w, String threads) {
    return w.process.describe() + " ran @AfterTest/@AfterSuite for longer than mproc.timeout (" + seconds()
        + " s) and was stopped; its threads:\n" + threads;
  }

  String seconds() {
    return timeoutSeconds == Math.rint(timeoutSeconds) ? String.valueOf((long) timeoutSeconds) : String.valueOf(timeoutSeconds);
  }

  /** What a worker said it was doing outside a test, as reports name it. */
  static String doing(Working working) {
    if (working == null) {
      return "outside a test";
    }
    return switch (working.kind()) {
      case SETUP -> "TestNG's set-up of a run";
      case CONFIGURATION -> "configuration method " + working.className() + "." + working.methodName();
      case DATA_PROVIDER -> "the data provider of " + working.className() + "." + working.methodName();
      case DATA_ROW -> "the next row of the data provider of " + working.className() + "." + working.methodName();
      case OVER -> "outside a test";
    };
  }
}
