/**
 * The worker JVM: reads the plan from the work channel, claims units, runs them with TestNG in
 * sessions (one TestNG run per claimed unit, joined by the unclaimed units of the same class), and
 * streams each result back on its own result channel.
 */
package mproc.worker;
