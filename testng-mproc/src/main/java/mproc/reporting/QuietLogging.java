package mproc.reporting;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Keeps Chronicle's informational logging off the user's console when the user has not configured
 * logging (logback's default prints everything at DEBUG). A user's own configuration is left alone.
 */
public final class QuietLogging {
  private QuietLogging() {}

  public static void apply() {
    if (System.getProperty("logback.configurationFile") != null) {
      return;
    }
    ClassLoader loader = QuietLogging.class.getClassLoader();
    if (loader.getResource("logback.xml") != null || loader.getResource("logback-test.xml") != null) {
      return;
    }
    try {
      if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
        context.getLogger("net.openhft").setLevel(Level.WARN);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        if (root.getLevel() == Level.DEBUG) {
          root.setLevel(Level.INFO);
        }
      }
    } catch (LinkageError e) {
      // logback excluded by the user: their slf4j binding decides.
    }
  }
}
