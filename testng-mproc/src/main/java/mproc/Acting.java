package mproc;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.testng.ISuite;

/**
 * Which {@link MprocListener} instance acts for each suite, and which one leads a TestNG execution
 * (starts its run early). TestNG keeps one instance per listener class, and ours can be two classes
 * (the suite's {@code <listener>} and the service loader's), so the instances decide among
 * themselves: the first that wants a suite takes it, the others stand aside, and an instance that
 * started a run early for the execution is left to take its suites.
 */
final class Acting {
  /** Which instance acts for each suite (weak: a suite is forgotten with its TestNG run). */
  private static final Map<ISuite, MprocListener> BY_SUITE = Collections.synchronizedMap(new WeakHashMap<>());
  /** The execution whose execution listeners are being started, on this thread, before any suite. */
  private static Execution starting; // guarded by Acting.class

  private Acting() {}

  /** The instances of one TestNG execution: the one that leads it, if any. */
  static final class Execution {
    private final Thread thread = Thread.currentThread();
    private MprocListener lead;
  }

  /** An instance's {@code onExecutionStart}: the execution it belongs to (its other instances start now, on this thread). */
  static synchronized Execution join() {
    if (starting == null || starting.thread != Thread.currentThread()) {
      starting = new Execution();
    }
    return starting;
  }

  /** Makes {@code instance} the execution's lead, unless another instance is; true if it is now. */
  static synchronized boolean lead(Execution execution, MprocListener instance) {
    if (execution.lead != null) {
      return false;
    }
    execution.lead = instance;
    return true;
  }

  /**
   * Takes the suite for {@code instance} if no other instance has and it {@code wants} it, unless
   * another instance leads the execution and has started its run.
   */
  static synchronized boolean take(ISuite suite, MprocListener instance, Execution execution, boolean wants) {
    if (starting == execution) {
      starting = null; // suites have started: a later execution on this thread is another one
    }
    MprocListener acting = BY_SUITE.get(suite);
    if (acting != null) {
      return acting == instance;
    }
    if (!wants) {
      return false;
    }
    MprocListener lead = execution == null ? null : execution.lead;
    if (lead != null && lead != instance && lead.startedRun()) {
      return false;
    }
    BY_SUITE.put(suite, instance);
    return true;
  }

  /** The instance that acts for the suite, or null. */
  static MprocListener forSuite(ISuite suite) {
    return BY_SUITE.get(suite);
  }

  /** The execution ended (or failed to start): the next one on this thread is another. */
  static synchronized void ended(Execution execution) {
    if (starting != null && starting == execution) {
      starting = null;
    }
  }
}
