/**
 * The timeline report of a run with workers (issue 19): {@code mproc-timeline.html}, one lane per
 * worker JVM (replacements included) with each test and configuration method a bar, start-ups and
 * lost workers marked, drawn on a canvas from embedded JSON; and the same data as
 * {@code mproc-timeline.json}. Written once the workers have exited.
 */
package mproc.reporting.timeline;
