/**
 * Reporting: results from workers turned back into TestNG results in the parent, so that its
 * summary, exit code, XML reports and every listener see them as if the tests ran there.
 */
package mproc.reporting;
