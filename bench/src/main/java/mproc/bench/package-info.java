/**
 * The benchmark harness ({@code bench/run}): generates suites ({@link mproc.bench.Workload}), times
 * each {@link mproc.bench.Configuration} on them in turn, several times, and prints medians. Not part
 * of {@code mvn verify}'s tests; the figures go into the README.
 */
package mproc.bench;
