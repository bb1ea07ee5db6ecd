/**
 * What the parent prints while workers run and when they are done (issue 19): a progress line
 * ({@link mproc.reporting.live.LiveProgress}), each failure as it happens, and a summary after
 * TestNG's ({@link mproc.reporting.live.RunSummary}). Every line the parent writes to the console
 * while a progress line is shown goes through {@link mproc.reporting.live.LiveConsole}.
 */
package mproc.reporting.live;
