/**
 * The API a test compiles against, with no dependencies: {@link mproc.Group} to keep tests together
 * in one worker, {@link mproc.GlobalFixture} and {@link mproc.Global} for values computed once per
 * run in the parent and shared with every worker.
 */
package mproc;
