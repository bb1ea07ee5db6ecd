package mproc.settings;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import java.util.List;
import java.util.Map;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class CoresTest {
  @DataProvider
  public Object[][] valid() {
    return new Object[][] {
      {"1", 1}, {"4", 4}, {" 3 ", 3}, {"auto", 8}, {"auto*2", 16}, {"auto/2", 4}, {"auto/3", 3},
      {"auto*0.5", 4}, {"auto/100", 1}, {"auto*1.5", 12},
    };
  }

  @Test(dataProvider = "valid")
  public void parsesEveryAcceptedForm(String value, int expected) {
    assertEquals(Cores.parse(value, 8), expected);
  }

  @DataProvider
  public Object[][] invalid() {
    return new Object[][] {{"0"}, {"-2"}, {"lots"}, {"auto*"}, {"auto/0"}, {"auto*-1"}, {"auto*x"}, {"2.5"}, {"AUTO"}};
  }

  @Test(dataProvider = "invalid")
  public void rejectsAnythingElseWithOneLineThatNamesTheValue(String value) {
    SettingsException e = expectThrows(SettingsException.class, () -> Cores.parse(value, 8));
    assertTrue(e.getMessage().startsWith("mproc.cores: '" + value + "' is not a valid value"), e.getMessage());
    assertTrue(e.getMessage().contains("auto*K or auto/K"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"));
  }

  /** -Dmproc.cores= (e.g. -Dmproc.cores=${cores} with the Maven property empty) means not set, wherever it is read. */
  @Test
  public void emptyMeansNotSet() {
    assertEquals(Cores.parse("", 8), 0);
    assertEquals(Cores.parse("  ", 8), 0);
    assertEquals(Settings.resolve(Map.of(Settings.CORES, "")::get, name -> null, 8).cores(), 0);
    assertEquals(Settings.resolve(name -> null, Map.of(Settings.CORES, " ")::get, 8).cores(), 0);
    // not set as a system property: the suite parameter applies
    assertEquals(Settings.resolve(Map.of(Settings.CORES, "")::get, Map.of(Settings.CORES, "3")::get, 8).cores(), 3);
  }

  @Test
  public void systemPropertyWinsOverSuiteParameter() {
    Settings s = Settings.resolve(Map.of(Settings.CORES, "3")::get, Map.of(Settings.CORES, "5")::get, 8);
    assertEquals(s.cores(), 3);
  }

  @Test
  public void suiteParameterAppliesWhenNoPropertyIsSet() {
    Settings s = Settings.resolve(name -> null, Map.of(Settings.CORES, "auto")::get, 6);
    assertEquals(s.cores(), 6);
  }

  @Test
  public void noCoresMeansInProcess() {
    assertEquals(Settings.resolve(name -> null, name -> null, 8).cores(), 0);
    // An unexpanded ${mproc.cores} in a suite parameter means "not set".
    assertEquals(Settings.resolve(name -> null, Map.of(Settings.CORES, "${mproc.cores}")::get, 8).cores(), 0);
  }

  @Test
  public void disableWinsOverEverything() {
    Map<String, String> props = Map.of(Settings.CORES, "4", Settings.DISABLE, "");
    assertEquals(Settings.resolve(props::get, name -> null, 8).cores(), 0);
    Map<String, String> off = Map.of(Settings.CORES, "4", Settings.DISABLE, "false");
    assertEquals(Settings.resolve(off::get, name -> null, 8).cores(), 4);
    expectThrows(SettingsException.class, () -> Settings.resolve(Map.of(Settings.DISABLE, "maybe")::get, n -> null, 8));
  }

  @Test
  public void jvmArgsSplitOnSpacesAndKeepQuotedSpaces() {
    assertEquals(Settings.splitArgs("-Xmx1g  -Dname=\"a b\" -Dx='c d'"), List.of("-Xmx1g", "-Dname=a b", "-Dx=c d"));
    expectThrows(SettingsException.class, () -> Settings.splitArgs("-Dx=\"open"));
  }

  @Test
  public void timeoutAndRestartBudgetAreReadAndCheckedLikeEveryOtherSetting() {
    Settings s = Settings.resolve(Map.of(Settings.CORES, "2", Settings.TIMEOUT, "1.5")::get, Map.of(Settings.MAX_WORKER_RESTARTS, "3")::get, 8);
    assertEquals(s.timeoutSeconds(), 1.5);
    assertEquals(s.maxWorkerRestarts(), 3);
    Settings defaults = Settings.resolve(Map.of(Settings.CORES, "2")::get, name -> null, 8);
    assertEquals(defaults.timeoutSeconds(), 0.0, "no limit by default");
    assertEquals(defaults.maxWorkerRestarts(), 8, "4 x cores by default");
    SettingsException bad = org.testng.Assert.expectThrows(SettingsException.class,
        () -> Settings.resolve(Map.of(Settings.TIMEOUT, "soon")::get, name -> null, 8));
    assertEquals(bad.getMessage(), "mproc.timeout: 'soon' is not a valid value; use a number of seconds, e.g. -Dmproc.timeout=60 (0: no limit)");
    SettingsException restarts = org.testng.Assert.expectThrows(SettingsException.class,
        () -> Settings.resolve(Map.of(Settings.MAX_WORKER_RESTARTS, "-1")::get, name -> null, 8));
    assertEquals(restarts.getMessage(), "mproc.maxWorkerRestarts: '-1' is not a valid value; use a whole number, e.g. -Dmproc.maxWorkerRestarts=8");
  }
}
