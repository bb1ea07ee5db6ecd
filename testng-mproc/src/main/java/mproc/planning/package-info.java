/**
 * Planning: turns the methods TestNG selected for one {@code <test>} into units of work, in the
 * order they are offered to workers.
 */
package mproc.planning;
