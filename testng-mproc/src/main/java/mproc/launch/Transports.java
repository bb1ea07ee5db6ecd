package mproc.launch;

import java.lang.reflect.InvocationTargetException;
import mproc.settings.Settings;
import mproc.settings.SettingsException;
import mproc.transport.ChronicleTransport;
import mproc.transport.RunDirectory;
import mproc.transport.Transport;

/**
 * The run's transport, chosen once: Chronicle queues in the run directory, or, with
 * {@code mproc.cluster}, Redis (issue 20). The Redis transport is a jar of its own, loaded only
 * then, so a project that never names a cluster has no Redis class loaded or on its class path.
 */
public final class Transports {
  static final String REDIS = "mproc.transport.redis.RedisTransport";

  private Transports() {}

  /**
   * The parent's: checks that Redis answers before anything else of the run starts.
   *
   * @throws SettingsException one line: the jar is missing, the address is wrong, or Redis does not answer
   */
  public static Transport forParent(Settings settings, RunDirectory directory) {
    return settings.cluster() == null ? new ChronicleTransport(directory) : redis(settings.cluster());
  }

  /** A worker's: the parent's address reaches it through the run directory's system properties. */
  public static Transport forWorker(RunDirectory directory) {
    String cluster = System.getProperty(Settings.CLUSTER);
    return cluster == null || cluster.isBlank() ? new ChronicleTransport(directory) : redis(cluster);
  }

  private static Transport redis(String url) {
    try {
      return (Transport) Class.forName(REDIS).getMethod("open", String.class).invoke(null, url);
    } catch (ClassNotFoundException e) {
      throw new SettingsException("mproc: " + Settings.CLUSTER + " is set, but the Redis transport is not on the class path;"
          + " add the dependency io.github.mproc:mproc-redis-transport to the tests");
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof IllegalArgumentException || e.getCause() instanceof IllegalStateException) {
        throw new SettingsException(e.getCause().getMessage()); // one line, without the password
      }
      throw new IllegalStateException("mproc: the Redis transport did not open", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("mproc: this Redis transport does not match testng-mproc (" + e + ")", e);
    }
  }
}
