/**
 * The queue between the parent and its workers: units of work out, results back, exactly-once claims.
 *
 * <p>Knows nothing of TestNG. A {@link mproc.transport.Channel} is a Chronicle queue with one writer;
 * a {@link mproc.transport.ClaimTable} is a memory-mapped array of claim flags set with compare-and-swap;
 * a {@link mproc.transport.RunDirectory} is the private directory that holds both for one run.
 */
package mproc.transport;
