package mproc.bench;

/**
 * One timed run: wall time from starting the command to its exit, time from the start to the first
 * test running (any JVM), the median gap between results reported in the parent, and the summary.
 */
record Measurement(double wallSeconds, double firstTestSeconds, double resultGapMicros, int exitCode, String summary) {}
