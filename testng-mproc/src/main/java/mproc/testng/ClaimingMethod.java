package mproc.testng;

import java.util.Set;
import java.util.function.BooleanSupplier;
import org.testng.IDataProviderMethod;
import org.testng.annotations.CustomAttribute;
import org.testng.internal.IParameterInfo;
import org.testng.ITestNGMethod;
import org.testng.internal.WrappedTestNGMethod;

/**
 * A test method in a worker's run that is claimed just in time. TestNG asks a method for its
 * invocation count right before it invokes it (after the previous method, before this method's
 * {@code @BeforeMethod}); at that moment the worker tries to claim the method's unit. If another
 * worker holds it, the count is 0 and TestNG passes over the method: no configuration, no result.
 */
public final class ClaimingMethod extends WrappedTestNGMethod {
  private final ITestNGMethod method;
  private final BooleanSupplier admit;
  private final int instance;
  /** The method this one is a clone of, or itself. */
  private final ClaimingMethod original;
  /** The session's group bookkeeping, or null. */
  private final GroupEnds groupEnds;
  /** Set as TestNG calls the data provider: TestNG sets it only on its own method class. */
  private volatile IDataProviderMethod dataProvider;

  /**
   * @param admit claims the method's unit (or finds it already claimed by this worker) and says
   *     whether this worker runs it; called once per TestNG query, so it must be idempotent
   * @param instance the id the parent gave this instance of the method (a {@code @Factory} makes
   *     several), which the worker's messages about it carry
   */
  public ClaimingMethod(ITestNGMethod method, int instance, BooleanSupplier admit, GroupEnds groupEnds) {
    this(method, instance, admit, groupEnds, null);
  }

  private ClaimingMethod(ITestNGMethod method, int instance, BooleanSupplier admit, GroupEnds groupEnds, ClaimingMethod original) {
    super(method);
    this.method = method;
    this.instance = instance;
    this.admit = admit;
    this.groupEnds = groupEnds;
    this.original = original == null ? this : original;
  }

  /**
   * A clone is one too, of the same instance: TestNG runs each invocation of a method with a
   * {@code threadPoolSize} as a clone ({@code TestInvoker.invokePooledTestMethods}, 7.12), and its
   * results are this worker's to send.
   */
  @Override
  public ClaimingMethod clone() {
    return new ClaimingMethod(method.clone(), instance, admit, groupEnds, original);
  }

  /** The method TestNG was given, of which this may be a clone. */
  public ClaimingMethod original() {
    return original;
  }

  public int instance() {
    return instance;
  }

  @Override
  public int getInvocationCount() {
    boolean admitted = admit.getAsBoolean();
    if (groupEnds != null) {
      groupEnds.queried(this, admitted);
    }
    return admitted ? super.getInvocationCount() : 0;
  }

  /** The data provider TestNG is about to call for this method (from {@code IDataProviderListener}). */
  public void dataProviderMethod(IDataProviderMethod dataProvider) {
    this.dataProvider = dataProvider;
  }

  // TestNG's wrapper leaves these to the interface's defaults (false, null, empty), so without them a
  // worker saw no data provider: retries of a data-driven method counted per method, not per row,
  // and a provider's propagateFailureAsTestFailure was lost.

  @Override
  public IDataProviderMethod getDataProviderMethod() {
    IDataProviderMethod set = dataProvider;
    return set != null ? set : method.getDataProviderMethod();
  }

  @Override
  public boolean isDataDriven() {
    return method.isDataDriven();
  }

  @Override
  public CustomAttribute[] getAttributes() {
    return method.getAttributes();
  }

  @Override
  public Class<?>[] getParameterTypes() {
    return method.getParameterTypes();
  }

  @Override
  public IParameterInfo getFactoryMethodParamsInfo() {
    return method.getFactoryMethodParamsInfo();
  }

  @Override
  public boolean isIgnoreFailure() {
    return method.isIgnoreFailure();
  }

  @Override
  public Set<ITestNGMethod> downstreamDependencies() {
    return method.downstreamDependencies();
  }

  @Override
  public Set<ITestNGMethod> upstreamDependencies() {
    return method.upstreamDependencies();
  }
}
