/**
 * A worker: reads the plan from the work channel, claims units, runs them with TestNG in sessions
 * (a share of the free work, whole classes, claimed just in time as TestNG reaches each unit), and
 * sends each result back on its own result channel. {@code WorkerMain} is a worker JVM's entry;
 * {@code InProcessWorker} runs the same loop in the parent, a step at a time, when the parent is one
 * of the cores.
 */
package mproc.worker;
