package mproc.settings;

import static org.testng.Assert.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.testng.annotations.Test;

/** Where the measured durations are kept: a cache directory in the project, unless mproc.durations says where. */
public class DurationsSettingTest {

  /** Surefire runs its fork in the module's directory and sets basedir to it: the file is beside the pom, as .pytest_cache is. */
  @Test
  public void byDefaultInDotMprocOfMavensBasedir() {
    Map<String, String> properties = Map.of("basedir", "/work/shop/module", "user.dir", "/elsewhere");
    assertEquals(Settings.resolve(properties::get, name -> null, 4).durations(), Path.of("/work/shop/module", ".mproc", "durations.txt"));
  }

  /** Outside Maven (mproc.TestNG, an IDE, plain TestNG): the working directory. */
  @Test
  public void withoutBasedirInDotMprocOfTheWorkingDirectory() {
    Map<String, String> properties = Map.of("user.dir", "/work/shop", "basedir", " ");
    assertEquals(Settings.resolve(properties::get, name -> null, 4).durations(), Path.of("/work/shop", ".mproc", "durations.txt"));
  }

  @Test
  public void mprocDurationsStillSaysWhere() {
    Map<String, String> properties = Map.of("basedir", "/work/shop", "mproc.durations", "/cache/durations.txt");
    assertEquals(Settings.resolve(properties::get, name -> null, 4).durations(), Path.of("/cache/durations.txt"));
    assertEquals(Settings.resolve(Map.of("basedir", "/work/shop")::get, Map.of("mproc.durations", "d.txt")::get, 4).durations(),
        Path.of("d.txt"));
  }
}
