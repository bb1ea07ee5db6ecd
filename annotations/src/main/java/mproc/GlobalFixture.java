package mproc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A value computed once per run, in the parent JVM, the first time a test needs it, and shared with
 * every worker as a deserialized copy: one database, one server, one expensive setup for the whole
 * run. The method must be {@code public static}; its parameters, if any, are other global fixtures
 * ({@link Global}). Its value must be {@code Serializable} (or null). If the value is
 * {@link AutoCloseable}, the parent closes its own instance after the last test of the run.
 *
 * <pre>{@code
 * @GlobalFixture
 * public static ServerInfo server() { ... }        // name "server"
 *
 * @GlobalFixture(name = "schema")
 * public static String schema(@Global("server") ServerInfo s) { ... }
 * }</pre>
 *
 * <p>Found on the suite's test classes and their superclasses, and on the classes named in the
 * {@code mproc.fixtures} setting (comma-separated).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface GlobalFixture {
  /** The fixture's name, unique in the run; by default the method's name. */
  String name() default "";
}
