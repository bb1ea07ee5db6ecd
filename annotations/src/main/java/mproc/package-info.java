/**
 * The API a test compiles against. No dependencies. Annotations for grouping (issue 3) and global
 * fixtures (issue 4) arrive here as they are built.
 */
package mproc;
