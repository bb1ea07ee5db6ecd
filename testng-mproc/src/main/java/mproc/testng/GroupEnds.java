package mproc.testng;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testng.ITestContext;
import org.testng.ITestNGMethod;
import org.testng.TestRunner;
import org.testng.internal.ConfigurationGroupMethods;
import org.testng.internal.WrappedTestNGMethod;
import org.testng.internal.invokers.GroupConfigMethodArguments;

/**
 * Lets a session run a TestNG group's {@code @AfterGroups} after the last method of the group that
 * it runs, as it ran the group's {@code @BeforeGroups} before the first.
 *
 * <p>TestNG runs {@code @AfterGroups} once every method of the group in its run has been invoked
 * ({@code ConfigurationGroupMethods.isLastMethodForGroup}, 7.12). A session holds methods that other
 * JVMs run, which TestNG passes over without invoking, so the group was never complete and its
 * {@code @AfterGroups} ran nowhere: what its {@code @BeforeGroups} set up was never torn down. Here
 * a passed-over method is handed to TestNG's own group bookkeeping as done, but only once every
 * group of it that has an {@code @AfterGroups} has started in this session: a group that never
 * started here gets no {@code @AfterGroups} here either.
 */
public final class GroupEnds {
  private static final Logger LOG = LoggerFactory.getLogger(GroupEnds.class);
  private static final Field GROUP_METHODS = groupMethodsField();

  private final TestRunner runner;
  private final Set<String> started = new HashSet<>();
  /** Passed over before all their groups started here, in TestNG's order. */
  private final List<ClaimingMethod> waiting = new ArrayList<>();
  private final Set<ClaimingMethod> seen = Collections.newSetFromMap(new IdentityHashMap<>());

  private GroupEnds(TestRunner runner) {
    this.runner = runner;
  }

  /** For this session's run, or null where TestNG's internals are not as expected (as before: no help). */
  public static GroupEnds of(ITestContext context) {
    return GROUP_METHODS != null && context instanceof TestRunner runner ? new GroupEnds(runner) : null;
  }

  /** TestNG asked for the method's invocations, and this session runs it ({@code admitted}) or not. */
  void queried(ClaimingMethod method, boolean admitted) {
    if (method.getGroups().length == 0) {
      return;
    }
    ConfigurationGroupMethods groups = groupMethods();
    // Run outside the lock: an @AfterGroups may take long, and pooled invocations query too.
    for (ClaimingMethod done : ready(method, admitted, groups.getAfterGroupsMethods())) {
      runner.getInvoker().getConfigInvoker().invokeAfterGroupsConfigurations(new GroupConfigMethodArguments.Builder()
          .forTestMethod(new PassedOver(done))
          .withGroupConfigMethods(groups)
          .withParameters(done.findMethodParameters(runner.getCurrentXmlTest()))
          .forInstance(done.getInstance())
          .build());
    }
  }

  /** The passed-over methods whose groups with an {@code @AfterGroups} have all started here. */
  private synchronized List<ClaimingMethod> ready(ClaimingMethod method, boolean admitted, Map<String, List<ITestNGMethod>> afterGroups) {
    if (!seen.add(method.original())) {
      return List.of();
    }
    if (admitted) {
      started.addAll(Arrays.asList(method.getGroups())); // still in its groups' lists: it ends none of them
    } else {
      waiting.add(method);
    }
    List<ClaimingMethod> ready = new ArrayList<>();
    for (ClaimingMethod m : waiting) {
      if (Arrays.stream(m.getGroups()).filter(afterGroups::containsKey).allMatch(started::contains)) {
        ready.add(m);
      }
    }
    waiting.removeAll(ready);
    return ready;
  }

  private ConfigurationGroupMethods groupMethods() {
    try {
      return (ConfigurationGroupMethods) GROUP_METHODS.get(runner); // TestNG replaces it after the interceptors
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("made accessible in groupMethodsField()", e);
    }
  }

  private static Field groupMethodsField() {
    try {
      Field field = TestRunner.class.getDeclaredField("m_groupMethods");
      field.setAccessible(true);
      return field;
    } catch (NoSuchFieldException | RuntimeException e) { // another TestNG version, or a security manager
      LOG.debug("TestRunner's group methods are out of reach; @AfterGroups runs only where a group ran whole", e);
      return null;
    }
  }

  /**
   * A method this session does not run, as TestNG's group bookkeeping takes it: no invocation left.
   * Equal to the method in TestNG's lists, as the {@link ClaimingMethod} it wraps is.
   */
  private static final class PassedOver extends WrappedTestNGMethod {
    PassedOver(ClaimingMethod method) {
      super(method);
    }

    @Override
    public boolean hasMoreInvocation() {
      return false;
    }

    @Override
    public int getInvocationCount() {
      return 0;
    }
  }
}
