package mproc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Injects a {@link GlobalFixture}'s value: on a test class's field (instance or static), set before
 * any configuration or test method of the instance runs; or on a parameter of another global
 * fixture method.
 *
 * <pre>{@code
 * @Global("server") ServerInfo server;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER})
public @interface Global {
  /** The global fixture's name. */
  String value();
}
