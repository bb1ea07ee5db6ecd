package mproc.reporting;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Logging in the JVMs we start, so that a run with workers shows what the same run shows
 * sequentially under the user's own logging set-up, once.
 *
 * <p>testng-mproc depends on the SLF4J API only: the backend (none, logback, log4j, slf4j-simple...)
 * is the user's. Logback, when the user has it, is handled by reflection, so that this class links
 * without it.
 */
public final class QuietLogging {
  /** SLF4J's own reports (no provider, several providers) at this level and above only. */
  static final String SLF4J_VERBOSITY = "slf4j.internal.verbosity";
  /** slf4j-simple's level for Chronicle's loggers, read as each logger is made. */
  static final String SIMPLE_CHRONICLE = "org.slf4j.simpleLogger.log.net.openhft";
  /** Logging system properties a worker gets when the parent has them, however they were set. */
  private static final List<String> LOGGING_PROPERTY_PREFIXES =
      List.of("logback.", "log4j.", "log4j2.", "org.slf4j.", "slf4j.", "java.util.logging.");

  private QuietLogging() {}

  /**
   * Called before Chronicle loads, in every JVM that starts workers or is one. With logback and no
   * configuration of the user's (no {@code logback.xml}, {@code logback-test.xml} or
   * {@code -Dlogback.configurationFile}), logback's default prints everything at DEBUG: then
   * Chronicle's loggers go to WARN and the root logger to INFO. With slf4j-simple and no
   * {@code simplelogger.properties}, Chronicle's loggers go to WARN (its default is INFO). Any other
   * backend, or a configured one, is left alone. In a worker, TestNG's per-run warnings that the parent has already logged
   * are not logged again (see {@link #withoutRepeatedTestNGWarnings}).
   */
  public static void apply() {
    if (System.getProperty("mproc.worker.id") != null) {
      withoutRepeatedTestNGWarnings();
    }
    ClassLoader loader = QuietLogging.class.getClassLoader();
    ILoggerFactory factory;
    try {
      factory = LoggerFactory.getILoggerFactory();
    } catch (LinkageError e) {
      return;
    }
    if (factory.getClass().getName().equals("org.slf4j.simple.SimpleLoggerFactory")) {
      // slf4j-simple prints INFO by default: Chronicle's "Chronicle core loaded from ..." in every JVM
      if (loader.getResource("simplelogger.properties") == null && System.getProperty(SIMPLE_CHRONICLE) == null) {
        System.setProperty(SIMPLE_CHRONICLE, "warn");
      }
      return;
    }
    if (System.getProperty("logback.configurationFile") != null) {
      return;
    }
    if (loader.getResource("logback.xml") != null || loader.getResource("logback-test.xml") != null) {
      return;
    }
    try {
      if (!factory.getClass().getName().equals("ch.qos.logback.classic.LoggerContext")) {
        return;
      }
      ClassLoader logback = factory.getClass().getClassLoader();
      Class<?> levelClass = Class.forName("ch.qos.logback.classic.Level", false, logback);
      Object warn = levelClass.getField("WARN").get(null);
      Object debug = levelClass.getField("DEBUG").get(null);
      Object info = levelClass.getField("INFO").get(null);
      Method getLogger = factory.getClass().getMethod("getLogger", String.class);
      Method setLevel = Class.forName("ch.qos.logback.classic.Logger", false, logback).getMethod("setLevel", levelClass);
      Method getLevel = Class.forName("ch.qos.logback.classic.Logger", false, logback).getMethod("getLevel");
      setLevel.invoke(getLogger.invoke(factory, "net.openhft"), warn);
      Object root = getLogger.invoke(factory, org.slf4j.Logger.ROOT_LOGGER_NAME);
      if (getLevel.invoke(root) == debug) {
        setLevel.invoke(root, info);
      }
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // another logback than we know: its own defaults stay
    }
  }

  /**
   * System properties for a worker JVM, so that it logs as this JVM does:
   *
   * <ul>
   *   <li>logback: the configuration file this JVM's logback was configured from. A worker's class
   *       path may list its jars before its directories (class-data sharing), so without this a
   *       {@code logback-test.xml} in a jar could win over the user's in {@code target/test-classes}.
   *   <li>the logging system properties of this JVM ({@code logback.*}, {@code log4j2.*},
   *       {@code org.slf4j.*}, {@code java.util.logging.*}...), also those set at run time (Surefire's
   *       {@code systemPropertyVariables} are not on the command line).
   *   <li>{@code slf4j.internal.verbosity=ERROR}, unless set: SLF4J's warnings about the class path (no
   *       provider, several providers) were already printed in this JVM, from the same class path.
   * </ul>
   *
   * Before the user's own {@code mproc.jvmArgs}, which win.
   */
  public static List<String> workerJvmOptions() {
    List<String> options = new ArrayList<>();
    Properties properties = System.getProperties();
    for (String name : properties.stringPropertyNames()) {
      if (LOGGING_PROPERTY_PREFIXES.stream().anyMatch(name::startsWith)) {
        options.add("-D" + name + "=" + properties.getProperty(name));
      }
    }
    options.sort(null);
    if (System.getProperty("logback.configurationFile") == null) {
      String url = logbackConfigurationUrl();
      if (url != null) {
        options.add("-Dlogback.configurationFile=" + url);
      }
    }
    if (System.getProperty(SLF4J_VERBOSITY) == null) {
      options.add("-D" + SLF4J_VERBOSITY + "=ERROR");
    }
    return options;
  }

  /** The file this JVM's logback was configured from, or null (no logback, or its defaults). */
  static String logbackConfigurationUrl() {
    try {
      ILoggerFactory factory = LoggerFactory.getILoggerFactory();
      if (!factory.getClass().getName().equals("ch.qos.logback.classic.LoggerContext")) {
        return null;
      }
      ClassLoader logback = factory.getClass().getClassLoader();
      Class<?> context = Class.forName("ch.qos.logback.core.Context", false, logback);
      Object url = Class.forName("ch.qos.logback.core.joran.util.ConfigurationWatchListUtil", true, logback)
          .getMethod("getMainWatchURL", context)
          .invoke(null, factory);
      return url == null ? null : url.toString();
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  /** The warning TestNG logs for each static configuration method, each time it sets up a run. */
  static final String STATIC_CONFIGURATION_WARNING = "Detected a static method [";

  /**
   * TestNG logs "Detected a static method [...]. Static configuration methods can cause unexpected
   * behavior." each time a run sets up a class. The parent sets up every class of the suite, so it has
   * logged each one once, as a sequential run does; a worker sets them up again in each of its
   * sessions, which would print it once per worker and session. In a worker, TestNG's logger for it
   * (the one of {@code org.testng.internal.Configuration}, kept in a map of TestNG's
   * {@code log4testng.Logger}) drops that one message; everything else it logs goes through.
   */
  static void withoutRepeatedTestNGWarnings() {
    try {
      Class<?> configuration = Class.forName("org.testng.internal.Configuration");
      Class<?> testngLogger = Class.forName("org.testng.log4testng.Logger");
      java.lang.reflect.Field loggersField = testngLogger.getDeclaredField("loggers");
      loggersField.setAccessible(true);
      @SuppressWarnings("unchecked")
      Map<Class<?>, Object> loggers = (Map<Class<?>, Object>) loggersField.get(null);
      java.lang.reflect.Constructor<?> make = testngLogger.getDeclaredConstructor(org.slf4j.Logger.class);
      make.setAccessible(true);
      org.slf4j.Logger real = LoggerFactory.getLogger(configuration);
      InvocationHandler filter = (proxy, method, args) -> {
        if (method.getName().equals("warn") && args != null
            && args.length == 2 && String.valueOf(args[1]).startsWith(STATIC_CONFIGURATION_WARNING)) {
          return null;
        }
        try {
          return method.invoke(real, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
          throw e.getCause();
        }
      };
      org.slf4j.Logger filtered = (org.slf4j.Logger) Proxy.newProxyInstance(
          org.slf4j.Logger.class.getClassLoader(), new Class<?>[] {org.slf4j.Logger.class}, filter);
      loggers.put(configuration, make.newInstance(filtered));
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      // another TestNG than 7.12's logger: its warnings are repeated, nothing worse
    }
  }
}
