package mproc;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.expectThrows;

import java.util.ArrayList;
import java.util.List;
import mproc.settings.SettingsException;
import org.testng.annotations.AfterMethod;
import org.testng.annotations.Test;

public class TestNGOptionsTest {
  @AfterMethod
  public void clearProperties() {
    System.clearProperty("mproc.jvmArgs");
    System.clearProperty("mproc.cores");
  }

  @Test
  public void ourListenerJoinsTheUsersListenerOptionBecauseTestNGKeepsOnlyTheLast() {
    List<String> args = new ArrayList<>(List.of("-listener", "a.Mine", "suite.xml"));
    TestNG.addListener(args, "mproc.MprocListener");
    assertEquals(args, List.of("-listener", "a.Mine,mproc.MprocListener", "suite.xml"));
  }

  @Test
  public void withoutAListenerOptionOneIsAdded() {
    List<String> args = new ArrayList<>(List.of("suite.xml"));
    TestNG.addListener(args, "mproc.MprocListener");
    assertEquals(args, List.of("-listener", "mproc.MprocListener", "suite.xml"));
  }

  @Test
  public void aSettingValueMayStartWithADash() {
    List<String> rest = TestNG.applyOwnOptions(new String[] {"-mproc.jvmArgs", "-Xmx1g -Dx=1", "-cores", "2", "-d", "out"});
    assertEquals(System.getProperty("mproc.jvmArgs"), "-Xmx1g -Dx=1");
    assertEquals(System.getProperty("mproc.cores"), "2");
    assertEquals(rest, List.of("-d", "out"));
  }

  /** As through Surefire and plain TestNG: -Dmproc.cores= (or -cores "") means not set, not an error. */
  @Test
  public void anEmptyCoresValueIsNotSet() {
    System.setProperty("mproc.cores", "");
    assertEquals(TestNG.applyOwnOptions(new String[] {"suite.xml"}), List.of("suite.xml"));
    assertEquals(TestNG.applyOwnOptions(new String[] {"-cores", "", "suite.xml"}), List.of("suite.xml"));
    assertEquals(mproc.settings.Settings.resolve(java.util.Map.of()).cores(), 0);
  }

  @Test
  public void aMisspeltSettingIsOneLineNamingTheSettings() {
    String message = expectThrows(SettingsException.class,
        () -> TestNG.applyOwnOptions(new String[] {"-mproc.timout", "60", "suite.xml"})).getMessage();
    assertEquals(message, "mproc: unknown option -mproc.timout; the settings are -mproc.cores, -mproc.disable,"
        + " -mproc.jvmArgs, -mproc.dir, -mproc.durations, -mproc.fixtures, -mproc.timeout, -mproc.maxWorkerRestarts,"
        + " -mproc.cds, -mproc.progress, -mproc.parentRuns, -mproc.cluster, -mproc.hostTimeout, -mproc.clusterExit, -mproc.spreadRows"
        + " (or -cores, -disable-mproc)");
    assertNull(System.getProperty("mproc.timout"));
  }

  @Test
  public void missingSuiteFilesAreFoundBeforeTestNGStarts() {
    assertEquals(TestNG.missingSuiteFiles(List.of("-d", "out", "no/such/suite.xml", "pom.xml")), List.of("no/such/suite.xml"));
  }
}
