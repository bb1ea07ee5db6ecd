/**
 * The parent's side of a distributed run: the run directory, the work channel, the workers, and for
 * each {@code <test>} the dispatch of its units and the replay of its results.
 */
package mproc.parent;
