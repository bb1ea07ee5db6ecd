/**
 * The one place that touches TestNG's internal API ({@code org.testng.internal}): reporting a
 * result that ran elsewhere, passing over a method another worker holds, and narrowing a suite.
 * TestNG is pinned to 7.12.0; an upgrade is checked here and by the integration tests.
 */
package mproc.testng;
