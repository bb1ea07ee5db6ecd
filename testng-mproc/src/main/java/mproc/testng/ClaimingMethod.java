package mproc.testng;

import java.util.function.BooleanSupplier;
import org.testng.ITestNGMethod;
import org.testng.internal.WrappedTestNGMethod;

/**
 * A test method in a worker's run that is claimed just in time. TestNG asks a method for its
 * invocation count right before it invokes it (after the previous method, before this method's
 * {@code @BeforeMethod}); at that moment the worker tries to claim the method's unit. If another
 * worker holds it, the count is 0 and TestNG passes over the method: no configuration, no result.
 */
public final class ClaimingMethod extends WrappedTestNGMethod {
  private final BooleanSupplier admit;
  private final int ordinal;

  /**
   * @param admit claims the method's unit (or finds it already claimed by this worker) and says
   *     whether this worker runs it; called once per TestNG query, so it must be idempotent
   * @param ordinal which instance of the method this is, among a {@code @Factory}'s instances
   */
  public ClaimingMethod(ITestNGMethod method, int ordinal, BooleanSupplier admit) {
    super(method);
    this.ordinal = ordinal;
    this.admit = admit;
  }

  public int ordinal() {
    return ordinal;
  }

  @Override
  public int getInvocationCount() {
    return admit.getAsBoolean() ? super.getInvocationCount() : 0;
  }
}
