package mproc.testng;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * a passed-over method is handed to TestNG's own group bookkeeping as done, for each of its groups
 * with an {@code @AfterGroups} once that group has started in this session: a group that never
 * started here gets no {@code @AfterGroups} here either.
 */
public final class GroupEnds {
  private static final Logger LOG = LoggerFactory.getLogger(GroupEnds.class);
  private static final Field GROUP_METHODS = groupMethodsField();

  private final TestRunner runner;
  private final Set<String> started = new HashSet<>();
  /** Passed over, with their groups (with an {@code @AfterGroups}) not started here yet, in TestNG's order. */
  private final Map<ClaimingMethod, Set<String>> waiting = new LinkedHashMap<>();
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
    if (method.getGroups().length == 0 || !firstQuery(method)) {
      return; // TestNG asks several times per test: only the first counts
    }
    ConfigurationGroupMethods groups = groupMethods();
    if (groups == null) {
      return; // TestNG let go of it after the run (a reporter asking again)
    }
    // Run outside the lock: an @AfterGroups may take long, and pooled invocations query too.
    for (PassedOver done : ready(method, admitted, groups.getAfterGroupsMethods())) {
      runner.getInvoker().getConfigInvoker().invokeAfterGroupsConfigurations(new GroupConfigMethodArguments.Builder()
          .forTestMethod(done)
          .withGroupConfigMethods(groups)
          .withParameters(done.findMethodParameters(runner.getCurrentXmlTest()))
          .forInstance(done.getInstance())
          .build());
    }
  }

  /**
   * The passed-over methods to hand over now, each as done for those of its groups with an
   * {@code @AfterGroups} that have started here; it waits for the others, which may start later
   * (a method in two groups must not keep the first from ending because the second never starts).
   */
  private synchronized boolean firstQuery(ClaimingMethod method) {
    return seen.add(method.original());
  }

  private synchronized List<PassedOver> ready(ClaimingMethod method, boolean admitted, Map<String, List<ITestNGMethod>> afterGroups) {
    if (admitted) {
      started.addAll(Arrays.asList(method.getGroups())); // still in its groups' lists: it ends none of them
    } else {
      Set<String> ending = new HashSet<>();
      Arrays.stream(method.getGroups()).filter(afterGroups::containsKey).forEach(ending::add);
      if (!ending.isEmpty()) {
        waiting.put(method, ending);
      }
    }
    List<PassedOver> ready = new ArrayList<>();
    for (Iterator<Map.Entry<ClaimingMethod, Set<String>>> i = waiting.entrySet().iterator(); i.hasNext(); ) {
      Map.Entry<ClaimingMethod, Set<String>> e = i.next();
      List<String> now = e.getValue().stream().filter(started::contains).toList();
      if (!now.isEmpty()) {
        ready.add(new PassedOver(e.getKey(), now.toArray(new String[0])));
        e.getValue().removeAll(now);
        if (e.getValue().isEmpty()) {
          i.remove();
        }
      }
    }
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
   * A method this session does not run, as TestNG's group bookkeeping takes it: no invocation left,
   * in the groups it is handed over for. Equal to the method in TestNG's lists, as the
   * {@link ClaimingMethod} it wraps is.
   */
  private static final class PassedOver extends WrappedTestNGMethod {
    private final String[] groups;

    PassedOver(ClaimingMethod method, String[] groups) {
      super(method);
      this.groups = groups;
    }

    @Override
    public String[] getGroups() {
      return groups.clone();
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
