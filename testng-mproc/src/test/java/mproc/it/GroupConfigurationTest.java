package mproc.it;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/**
 * A TestNG group (not a {@code @Group}) whose methods are spread over JVMs: each session that runs
 * some of them runs the group's {@code @BeforeGroups} before the first and its {@code @AfterGroups}
 * after the last, so that what the one sets up the other tears down, in every JVM. Before, a
 * session that held methods another JVM ran never saw the group end and ran no {@code @AfterGroups}.
 */
public class GroupConfigurationTest {
  private static final String SUITE = GroupsTest.suite("SharedOne", "SharedTwo", "SharedThree", "SharedFour")
      .replace("name=\"groups\"", "name=\"shared\"");
  private static final List<String> GROUP_TESTS = List.of(
      "SharedFour.first", "SharedFour.second", "SharedOne.first", "SharedOne.second",
      "SharedThree.first", "SharedThree.second", "SharedTwo.first", "SharedTwo.second");

  private ThreeWays runs;
  private ParentRun sequential;

  @BeforeClass
  public void runTheSuite() throws Exception {
    runs = ThreeWays.run(SUITE);
    sequential = runs.sequential();
  }

  @DataProvider
  public Object[][] distributed() {
    return ThreeWays.WAYS;
  }

  private ParentRun run(String way) {
    return runs.distributed(way);
  }

  @Test
  public void sequentiallyTheGroupIsSetUpAndTornDownOnce() {
    List<List<String>> jvms = List.copyOf(eventsByPid(sequential).values());
    assertEquals(jvms.size(), 1, sequential.log.toString());
    List<String> events = jvms.get(0);
    assertEquals(events.get(0), "before-group shared", events.toString());
    assertEquals(events.get(events.size() - 1), "after-group shared", events.toString());
    assertEquals(events.subList(1, events.size() - 1).stream().map(e -> e.substring("test ".length())).sorted().toList(), GROUP_TESTS);
  }

  @Test(dataProvider = "distributed")
  public void everyJvmTearsDownWhatItSetUpAfterItsLastMethodOfTheGroup(String way) {
    ParentRun run = run(way);
    assertEquals(run.exitCode, 0, run.output);
    assertTrue(run.output.contains("Total tests run: 12, Passes: 12, Failures: 0, Skips: 0"), run.output);
    Map<Long, List<String>> byPid = eventsByPid(run);
    List<String> ran = new ArrayList<>();
    for (Map.Entry<Long, List<String>> jvm : byPid.entrySet()) {
      boolean open = false;
      for (String event : jvm.getValue()) {
        if (event.equals("before-group shared")) {
          assertTrue(!open, "set up twice without a teardown in " + jvm);
          open = true;
        } else if (event.equals("after-group shared")) {
          assertTrue(open, "torn down without a set-up in " + jvm);
          open = false;
        } else {
          assertTrue(open, "a method of the group outside its set-up in " + jvm);
          ran.add(event.substring("test ".length()));
        }
      }
      assertTrue(!open, "set up and never torn down in " + jvm + "; all: " + byPid);
    }
    assertEquals(ran.stream().sorted().toList(), GROUP_TESTS, "each method of the group once: " + byPid);
    assertTrue(byPid.values().stream().filter(events -> events.stream().anyMatch(e -> e.startsWith("test "))).count() >= 2,
        "the group's methods ran in two JVMs, or this test proves nothing: " + byPid);
  }

  /** The group's events ("before-group shared", "test Class.method", "after-group shared") of each JVM, in order. */
  private static Map<Long, List<String>> eventsByPid(ParentRun run) {
    Map<Long, List<String>> byPid = new TreeMap<>();
    for (String line : run.log) {
      if (line.startsWith("before-group shared ") || line.startsWith("after-group shared ") || line.startsWith("test Shared")) {
        int space = line.lastIndexOf(' ');
        byPid.computeIfAbsent(Long.parseLong(line.substring(space + 1)), k -> new ArrayList<>()).add(line.substring(0, space));
      }
    }
    return byPid;
  }
}
