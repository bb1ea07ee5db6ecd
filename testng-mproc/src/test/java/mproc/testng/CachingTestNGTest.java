package mproc.testng;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.testng.TestNG;
import org.testng.annotations.Test;
import org.testng.internal.annotations.JDK15AnnotationFinder;

/** {@code mproc.TestNG}'s command line runs as TestNG's main runs it, with the caching finder. */
public class CachingTestNGTest {
  @Test
  public void aCommandLineRunsWithTheCachingFinderTheDefaultReportsAndTestNGsExitCode() throws Exception {
    for (String group : new String[] {"passes", "fails"}) {
      Path ours = Files.createTempDirectory("mproc-cmdline");
      Path testngs = Files.createTempDirectory("mproc-cmdline");
      CommandLineSample.FinderProbe.finder = null;

      int exit = CachingTestNG.runCommandLine(commandLine(ours, group));
      Class<?> finder = CommandLineSample.FinderProbe.finder;
      int testngExit = TestNG.privateMain(commandLine(testngs, group), null).getStatus();

      assertEquals(finder, CachingAnnotationFinder.class);
      assertEquals(exit, group.equals("passes") ? 0 : 1, group);
      assertEquals(exit, testngExit, group);
      assertTrue(Files.isRegularFile(ours.resolve("testng-results.xml")), "TestNG's default reporters ran");
      assertEquals(CommandLineSample.FinderProbe.finder, JDK15AnnotationFinder.class, "plain TestNG's own finder");
    }
  }

  private static String[] commandLine(Path outputDir, String group) {
    return new String[] {"-d", outputDir.toString(), "-listener", CommandLineSample.FinderProbe.class.getName(),
        "-testclass", CommandLineSample.class.getName(), "-groups", group};
  }
}
