package mproc.testng;

import mproc.TempDirs;
import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.testng.TestNG;
import org.testng.annotations.Test;
import org.testng.internal.annotations.JDK15AnnotationFinder;

/** {@code mproc.TestNG}'s command line runs as TestNG's main runs it, with the caching finder. */
public class CachingTestNGTest {
  @Test
  public void aCommandLineRunsWithTheCachingFinderTheDefaultReportsAndTestNGsExitCode() throws Exception {
    for (String group : new String[] {"passes", "fails"}) {
      Path ours = TempDirs.directory("mproc-cmdline");
      CommandLineSample.FinderProbe.finder = null;

      int exit = CachingTestNG.runCommandLine(commandLine(ours, "-listener", CommandLineSample.FinderProbe.class.getName(),
          "-testclass", CommandLineSample.class.getName(), "-groups", group));

      assertEquals(CommandLineSample.FinderProbe.finder, CachingAnnotationFinder.class);
      assertEquals(exit, group.equals("passes") ? 0 : 1, group);
      assertTrue(Files.isRegularFile(ours.resolve("testng-results.xml")), "TestNG's default reporters ran");
      assertEquals(exit, testngExit("-listener", CommandLineSample.FinderProbe.class.getName(),
          "-testclass", CommandLineSample.class.getName(), "-groups", group), group);
      assertEquals(CommandLineSample.FinderProbe.finder, JDK15AnnotationFinder.class, "plain TestNG's own finder");
    }
  }

  /** TestNG stops before any test (here: no {@code <test>} of that name): TestNG's main exits 8, "no tests". */
  @Test
  public void aRunThatStopsBeforeAnyTestEndsAsNoTests() throws Exception {
    Path suite = TempDirs.file("mproc-cmdline", ".xml");
    Files.writeString(suite, "<!DOCTYPE suite SYSTEM \"https://testng.org/testng-1.0.dtd\">\n"
        + "<suite name=\"cmdline\"><test name=\"t\"><classes><class name=\"" + CommandLineSample.class.getName()
        + "\"/></classes></test></suite>\n");

    int exit = CachingTestNG.runCommandLine(commandLine(TempDirs.directory("mproc-cmdline"), "-testnames", "nope", suite.toString()));

    assertEquals(exit, 8);
    assertEquals(exit, testngExit("-testnames", "nope", suite.toString()));
  }

  /** TestNG stops after its tests ran (here: every test skipped, with -failwheneverythingskipped): a failure, 1. */
  @Test
  public void aRunThatStopsAfterItsTestsEndsAsFailed() throws Exception {
    String[] args = {"-failwheneverythingskipped", "-testclass", CommandLineSample.class.getName(), "-groups", "skips"};

    int exit = CachingTestNG.runCommandLine(commandLine(TempDirs.directory("mproc-cmdline"), args));

    assertEquals(exit, 1);
    assertEquals(exit, testngExit(args));
  }

  private static int testngExit(String... args) throws Exception {
    return TestNG.privateMain(commandLine(TempDirs.directory("mproc-cmdline"), args), null).getStatus();
  }

  private static String[] commandLine(Path outputDir, String... args) {
    List<String> line = new ArrayList<>(List.of("-d", outputDir.toString(), "-verbose", "0"));
    line.addAll(List.of(args));
    return line.toArray(new String[0]);
  }
}
