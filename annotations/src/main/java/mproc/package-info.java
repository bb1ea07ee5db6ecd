/**
 * The API a test compiles against, with no dependencies: {@link mproc.Group} to keep tests together
 * in one worker. Global fixtures (issue 4) arrive here as they are built.
 */
package mproc;
