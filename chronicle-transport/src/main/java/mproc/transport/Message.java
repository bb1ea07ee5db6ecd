package mproc.transport;

import java.util.List;

/**
 * Everything that crosses between the parent and a worker. Plain values, written field by field by
 * {@link MessageCodec}; no serialization framework per message.
 *
 * <p>Parent to workers (the one work channel): {@link TestPlan}, {@link UnitPlan}, {@link CloseTests},
 * {@link EndOfWork}. Worker to parent (one result channel per worker): {@link WorkerReady},
 * {@link TestStarted}, {@link TestOutcome}, {@link StatusChanged}, {@link ConfigOutcome}, {@link UnitDone}, {@link TestsClosed}.
 * Between the hosts of a cluster run ({@link Cluster}): {@link HostJoined}, {@link WorkerStarted},
 * {@link WorkerExited} (a joined host to the leader), {@link StopWorker}, {@link RunEnded} (the leader
 * to the joined hosts).
 */
public sealed interface Message {

  /**
   * One {@code <test>} of a suite: the suite as XML, which test in it, the classes that hold its
   * suite- and test-level configuration methods, and the classes of the suite's other
   * {@code <test>}s that hold {@code @BeforeSuite}/{@code @AfterSuite} methods (TestNG runs those
   * before and after every {@code <test>}; only those methods of them run with this test);
   * {@code workers} is how many workers it is spread over, so that each takes about its share in
   * one TestNG run.
   */
  record TestPlan(int testId, String testName, String suiteXml, List<String> configClasses, List<String> suiteConfigClasses,
      int workers, List<String> testngOptions) implements Message {
    public TestPlan {
      configClasses = List.copyOf(configClasses);
      suiteConfigClasses = List.copyOf(suiteConfigClasses);
      testngOptions = List.copyOf(testngOptions);
    }
  }

  /**
   * A test method named by its class and method name, and the ids the parent gave its instances in
   * the unit (a {@code @Factory} makes several), in TestNG's order: a worker names each result by
   * the id of its instance, which the parent looks up.
   */
  record MethodRef(String className, String methodName, List<Integer> instances) {
    public MethodRef {
      instances = List.copyOf(instances);
    }
  }

  /**
   * A unit of work: methods that one worker runs together. {@code exclusive} units start a run of
   * their own; the others may also be claimed by a worker that is already running their class.
   * {@code expectedMillis}: how long earlier runs took over it (a test they did not measure counts as
   * the median of those they did), 0 if they measured nothing of its {@code <test>}.
   * {@code rowsOf}: -1, or for a data-driven method whose rows are spread over workers, the unit whose
   * row claims ({@link ClaimTable#claimRow}) it shares: its own id, or for a unit put back on the queue
   * after its worker was lost, the first one's, so that no row runs twice.
   */
  record UnitPlan(int unitId, int testId, List<MethodRef> methods, boolean exclusive, long expectedMillis, int rowsOf)
      implements Message {
    public UnitPlan {
      methods = List.copyOf(methods);
    }

    /** A unit of one method with no rows spread. */
    public UnitPlan(int unitId, int testId, List<MethodRef> methods, boolean exclusive, long expectedMillis) {
      this(unitId, testId, methods, exclusive, expectedMillis, -1);
    }

    public boolean spreadsRows() {
      return rowsOf >= 0;
    }
  }

  /** Workers run the closing configuration ({@code @AfterTest}, {@code @AfterSuite}) of these tests. */
  record CloseTests(int batch, List<Integer> testIds) implements Message {}

  /** No more work will come: workers finish and exit. */
  record EndOfWork() implements Message {}

  /** {@code readyMillis}: the worker's clock when it was ready (the parent may read it later, busy with a test of its own). */
  record WorkerReady(int workerId, long pid, long readyMillis) implements Message {}

  /**
   * A test invocation starts: {@code instance}: the id of its method instance ({@link MethodRef}), as
   * in {@link TestOutcome}; its class and method name, for the messages that name it; its start time,
   * parameter index and parameters as TestNG has them at {@code onTestStart}, which the parent
   * replays then.
   */
  record TestStarted(
      int unitId, int instance, String className, String methodName, long startMillis, int parameterIndex, List<ValueData> parameters)
      implements Message {
    /** What a lost worker was making, with nothing more known (its row's index neither: -1). */
    public TestStarted(int unitId, int instance, String className, String methodName) {
      this(unitId, instance, className, methodName, 0L, -1, List.of());
    }
  }

  /**
   * Work outside a test is starting: a TestNG run's set-up ({@code methodName} empty), a
   * configuration method, a test method's data provider, or the next row of a lazy one (an
   * {@code Iterator} makes each row between two tests; {@code instance} says which method instance's,
   * as in {@link TestStarted}, -1 for a step that is not a test method's); or ({@code OVER}) the one named last ended without a result of its
   * own (a configuration method that passed, or was passed over). For {@code mproc.timeout}, and to
   * name what a lost worker was doing.
   */
  record Working(int testId, String className, String methodName, int instance, Kind kind) implements Message {
    public enum Kind { SETUP, CONFIGURATION, DATA_PROVIDER, DATA_ROW, OVER }
  }

  /** A stack frame, as {@link StackTraceElement} has it. */
  record Frame(String declaringClass, String methodName, String fileName, int lineNumber) {}

  /**
   * A throwable: Java-serialized when it could be (so the parent can rebuild the real one), and
   * always as text, so that it survives a class the parent cannot load.
   */
  record ThrowableData(
      byte[] serialized, String className, String message, List<Frame> frames, ThrowableData cause) {}

  /** A parameter value: Java-serialized when it could be, and always its {@code toString()}. */
  record ValueData(byte[] serialized, String text) {}

  /**
   * The result of one invocation of a test method. Status codes are TestNG's. {@code
   * failedInvocation}: the row (or factory row) the worker's TestNG recorded as a failed invocation
   * of the method, which {@code testng-failed.xml} lists; -1 if none.
   */
  record TestOutcome(
      int unitId,
      int instance,
      String className,
      String methodName,
      int status,
      long startMillis,
      long endMillis,
      boolean wasRetried,
      int failedInvocation,
      int parameterIndex,
      List<ValueData> parameters,
      ThrowableData throwable,
      List<String> output)
      implements Message {}

  /**
   * The status of a test whose {@link TestOutcome} was sent changed afterwards: an {@code
   * @AfterMethod} that takes the {@code ITestResult} set it. TestNG's listeners heard the first
   * status; its reports list the new one. Sent before the worker's next message about any other test.
   */
  record StatusChanged(int unitId, int instance, int parameterIndex, int status) implements Message {}

  /** A configuration method that did not pass. */
  record ConfigOutcome(
      int testId, String className, String methodName, int status, long startMillis, long endMillis, ThrowableData throwable,
      List<ValueData> parameters, List<String> output)
      implements Message {}

  /**
   * A worker ran the unit it claimed. {@code rows}: for a unit whose rows are spread, how many rows its
   * data provider made that run (TestNG's own filter passes over none of them), when this worker went
   * through all of them (so every row is claimed, by it or by a helper); otherwise -1.
   */
  record UnitDone(int unitId, int rows) implements Message {
    public UnitDone(int unitId) {
      this(unitId, -1);
    }
  }

  record TestsClosed(int batch) implements Message {}

  /** A worker needs this global fixture's value (worker → parent). */
  record FixtureRequest(String name) implements Message {}

  /**
   * A global fixture's outcome, published once for every worker (parent → all, on the fixture
   * channel): its Java-serialized value (null for a null value), or why there is none: an error
   * message (e.g. the value is not serializable) or the exception the fixture method threw.
   */
  record FixtureValue(String name, byte[] value, String error, ThrowableData failure) implements Message {}

  /** A host joined a cluster run: its number (the leader is 0) and how messages name it. */
  record HostJoined(int host, String label) implements Message {}

  /**
   * A joined host started a worker JVM (at {@code startedMillis}, its clock), whose result channel
   * the leader reads from now on.
   */
  record WorkerStarted(int workerId, int host, long pid, long startedMillis) implements Message {}

  /** A joined host's worker exited: its code and last output, as the leader reports a local one's. */
  record WorkerExited(int workerId, int exitCode, List<String> lastLines) implements Message {
    public WorkerExited {
      lastLines = List.copyOf(lastLines);
    }
  }

  /** The leader asks the worker's host to stop it (it ran past {@code mproc.timeout}). */
  record StopWorker(int workerId) implements Message {}

  /** The run is over: whether it failed, and the lines each joined host prints (one per failure, then a summary). */
  record RunEnded(boolean failed, List<String> lines) implements Message {
    public RunEnded {
      lines = List.copyOf(lines);
    }
  }
}
