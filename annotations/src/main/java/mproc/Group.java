package mproc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs every test method with the same group name, from any class, serially in one worker JVM, in
 * the order a sequential TestNG run would use, with nothing else running in that worker meanwhile;
 * groups are dispatched before independent tests. For tests that share a resource or whose order
 * matters. A method's own {@code @Group} overrides its class's; a class's applies to its subclasses.
 *
 * <pre>{@code
 * @Group("db")
 * public class AccountRepositoryTest { ... }
 * }</pre>
 *
 * <p>Without worker JVMs (no {@code mproc.cores}) it has no effect: everything runs serially anyway.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Group {
  /** The group's name; not empty. */
  String value();
}
