package mproc.settings;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.expectThrows;

import java.util.Map;
import mproc.settings.Settings.ClusterExit;
import org.testng.annotations.Test;

/** {@code mproc.cluster}, {@code mproc.hostTimeout} and {@code mproc.clusterExit} (issue 20). */
public class ClusterSettingsTest {
  private static Settings resolve(Map<String, String> properties, Map<String, String> suite) {
    return Settings.resolve(properties::get, suite::get, 4);
  }

  @Test
  public void defaultsWithoutACluster() {
    Settings s = resolve(Map.of(), Map.of());
    assertEquals(s.cluster(), null);
    assertEquals(s.hostTimeoutSeconds(), 5.0);
    assertEquals(s.clusterExit(), ClusterExit.ALL);
  }

  @Test
  public void fromAPropertyOrTheSuite() {
    Settings s = resolve(Map.of(Settings.HOST_TIMEOUT, "2.5", Settings.CLUSTER, " redis://h:1/b7 ", Settings.CORES, "2"),
        Map.of(Settings.CLUSTER_EXIT, "Leader", Settings.HOST_TIMEOUT, "9"));
    assertEquals(s.cluster(), "redis://h:1/b7");
    assertEquals(s.hostTimeoutSeconds(), 2.5);
    assertEquals(s.clusterExit(), ClusterExit.LEADER);
  }

  @Test
  public void badValuesAreOneLineEach() {
    assertEquals(expectThrows(SettingsException.class, () -> resolve(Map.of(Settings.CLUSTER_EXIT, "some"), Map.of())).getMessage(),
        "mproc.clusterExit: 'some' is not a valid value; use all or leader");
    assertEquals(expectThrows(SettingsException.class, () -> resolve(Map.of(Settings.HOST_TIMEOUT, "0.2"), Map.of())).getMessage(),
        "mproc.hostTimeout: '0.2' is too short; use at least 1 (seconds), e.g. -Dmproc.hostTimeout=10");
    assertEquals(expectThrows(SettingsException.class, () -> resolve(Map.of(Settings.HOST_TIMEOUT, "soon"), Map.of())).getMessage(),
        "mproc.hostTimeout: 'soon' is not a valid value; use a number of seconds, at least 1, e.g. -Dmproc.hostTimeout=10");
  }

  @Test
  public void aClusterWithoutCoresIsOneLineUnlessDisabled() {
    assertEquals(expectThrows(SettingsException.class, () -> resolve(Map.of(Settings.CLUSTER, "redis://h:1/b7"), Map.of())).getMessage(),
        "mproc.cluster is set but mproc.cores is not: give every host of the run -Dmproc.cores=auto (or a number), or -cores auto"
            + " to mproc.TestNG");
    assertEquals(resolve(Map.of(Settings.CLUSTER, "redis://h:1/b7", Settings.DISABLE, "true"), Map.of()).cores(), 0);
    assertEquals(resolve(Map.of(Settings.CLUSTER, "redis://h:1/b7"), Map.of(Settings.CORES, "2")).cores(), 2);
  }

  @Test
  public void thePasswordIsNeverShown() {
    Settings s = resolve(Map.of(Settings.CLUSTER, "redis://ci:s3cret@h:1/b7", Settings.CORES, "auto"), Map.of());
    assertFalse(s.toString().contains("s3cret"), s.toString());
  }
}
