/**
 * The run's {@link mproc.transport.Transport} in Redis (issue 20): streams for channels, a hash for
 * claims, keys under the run's name that expire. Only loaded when a run names a Redis address.
 */
package mproc.transport.redis;
