package mproc.settings;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.util.Map;
import mproc.settings.Settings.Progress;
import org.testng.annotations.Test;

public class ProgressSettingTest {
  private static Settings resolve(Map<String, String> properties, Map<String, String> suite) {
    return Settings.resolve(properties::get, suite::get, 4);
  }

  @Test
  public void autoUnlessGiven() {
    assertEquals(resolve(Map.of(), Map.of()).progress(), Progress.AUTO);
    assertEquals(resolve(Map.of(Settings.PROGRESS, ""), Map.of()).progress(), Progress.AUTO);
    assertEquals(resolve(Map.of(), Map.of(Settings.PROGRESS, "${mproc.progress}")).progress(), Progress.AUTO);
  }

  @Test
  public void everyValueFromAPropertyOrTheSuiteThePropertyFirst() {
    assertEquals(resolve(Map.of(Settings.PROGRESS, "tty"), Map.of()).progress(), Progress.TTY);
    assertEquals(resolve(Map.of(Settings.PROGRESS, " Plain "), Map.of()).progress(), Progress.PLAIN);
    assertEquals(resolve(Map.of(), Map.of(Settings.PROGRESS, "off")).progress(), Progress.OFF);
    assertEquals(resolve(Map.of(Settings.PROGRESS, "auto"), Map.of(Settings.PROGRESS, "off")).progress(), Progress.AUTO);
  }

  @Test
  public void aBadValueIsOneLineThatNamesTheSettingAndTheValues() {
    SettingsException e = expectThrows(SettingsException.class, () -> resolve(Map.of(Settings.PROGRESS, "loud"), Map.of()));
    assertEquals(e.getMessage(), "mproc.progress: 'loud' is not a valid value; use auto, tty, plain or off");
    assertFalse(e.getMessage().contains("\n"));
  }

  @Test
  public void mprocTestNGKnowsTheOption() {
    assertTrue(Settings.NAMES.contains("mproc.progress"));
  }
}
