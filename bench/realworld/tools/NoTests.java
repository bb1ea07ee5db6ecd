import java.util.List;
import org.testng.IMethodInstance;
import org.testng.IMethodInterceptor;
import org.testng.ITestContext;

/**
 * The `noop` mode's listener: TestNG sets the suite up, runs its suite- and test-level
 * configuration and writes its reports, but no test method runs. Its CPU is what TestNG itself
 * costs around the tests, which a parent JVM that plans and replays pays too (README, "Issue 18:
 * where each target stands").
 */
public class NoTests implements IMethodInterceptor {
  @Override
  public List<IMethodInstance> intercept(List<IMethodInstance> methods, ITestContext context) {
    return List.of();
  }
}
