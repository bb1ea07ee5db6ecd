/** Launching worker JVMs: their command line, their processes, and their output. */
package mproc.launch;
