package mproc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets the methods of a class with {@code @BeforeClass} or {@code @AfterClass} run in several worker
 * JVMs at once, as the methods of a class without class configuration do. Without it such a class
 * is one unit of work: one worker runs it, and its class configuration once, as a sequential run
 * does, so one big class can keep the other cores idle.
 *
 * <p>With it, each worker that runs some of the class's methods runs its {@code @BeforeClass}
 * before them and its {@code @AfterClass} after them, in its own JVM, possibly at the same time as
 * another worker does; the parent's report lists each of those runs (but for a worker that only
 * helps with the rows of one of its data-driven methods: like a helper of Cucumber's runner, it
 * reports its class configuration only if it fails). Use it where that is safe: the
 * class configuration sets up what one JVM needs (a client, a connection, a temporary directory of
 * its own) and tears down only that, not something the other JVMs use. Methods tied by
 * {@code dependsOnMethods}, {@code dependsOnGroups} or a {@link Group} still run together.
 *
 * <pre>{@code
 * @SplitClass
 * public class InventoryTest {
 *   @BeforeClass public void connect() { ... }   // once in each worker that runs its tests
 *   ...
 * }
 * }</pre>
 *
 * <p>Without worker JVMs (no {@code mproc.cores}) it has no effect. A class's applies to its subclasses.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SplitClass {}
