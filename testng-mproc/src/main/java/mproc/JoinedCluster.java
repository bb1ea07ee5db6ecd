package mproc;

import java.util.List;
import mproc.cluster.ClusterSeat;
import mproc.parent.JoinedHost;
import mproc.settings.Settings;
import mproc.settings.SettingsException;
import mproc.transport.Message.RunEnded;
import org.testng.xml.XmlSuite;

/**
 * This JVM's part in a cluster run it joined and does not lead (issue 20): its workers run until
 * the run ends (its first suite waits), its own TestNG runs nothing, and at the end it prints the
 * run's failures and summary, and fails if the run failed (unless {@code mproc.clusterExit=leader}).
 * A run that had ended when this host came is one line, and no failure.
 */
final class JoinedCluster {
  private final Settings settings;
  /** Null when the run had ended before this host came, or once its workers are stopped. */
  private JoinedHost host;
  private RunEnded outcome;

  private JoinedCluster(Settings settings, JoinedHost host, RunEnded outcome) {
    this.settings = settings;
    this.host = host;
    this.outcome = outcome;
  }

  /** Joins with {@code seat}, a seat that does not lead: this host's workers start now. */
  static JoinedCluster join(Settings settings, ClusterSeat seat) {
    if (seat.runEnded()) {
      seat.close();
      return new JoinedCluster(settings, null, new RunEnded(false,
          List.of("mproc: run " + seat.cluster().describe() + " had ended when this host came; nothing is left for it to do")));
    }
    return new JoinedCluster(settings, JoinedHost.start(settings, seat), null);
  }

  /**
   * Takes the {@code <test>}s out of the suites (and their child suites) before TestNG sets them up:
   * on a joined host they would run nothing, and building their test runners (every class's
   * methods and annotations) would delay this host's own sessions and share its processors. The
   * suites stay, empty, so that their listeners hear them start and end as before.
   */
  static void leaveOutTests(List<XmlSuite> suites) {
    for (XmlSuite suite : suites) {
      suite.getTests().clear();
      leaveOutTests(suite.getChildSuites());
    }
  }

  /**
   * Runs until the cluster run ends, once; later calls return at once.
   *
   * @throws SettingsException one line, if the leader is gone (this host's workers are stopped)
   */
  void runToEnd() {
    if (outcome != null) {
      return;
    }
    try {
      outcome = host.runToEnd();
    } finally {
      if (outcome == null) { // no worker of this host is left behind
        host.close();
        host = null;
      }
    }
  }

  /** See {@link JoinedHost#stopAndHalt}. */
  void haltForLostCluster() {
    JoinedHost h = host;
    if (h != null) {
      h.stopAndHalt();
    }
  }

  /**
   * Stops this host's part and prints the run's failures and summary.
   *
   * @throws SettingsException one line, if the run failed and {@code mproc.clusterExit} is {@code all}
   */
  void finish() {
    if (host != null) {
      host.close();
      host = null;
    }
    if (outcome == null) {
      return;
    }
    outcome.lines().forEach(System.out::println);
    System.out.flush();
    if (outcome.failed() && settings.clusterExit() == Settings.ClusterExit.ALL) {
      throw new SettingsException("mproc: the cluster run failed (its report is the leader's); this host exits"
          + " non-zero too, as " + Settings.CLUSTER_EXIT + "=all asks");
    }
  }
}
