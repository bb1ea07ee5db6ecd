/**
 * A run spread over several hosts through Redis (issue 20): which host leads, whether a host may
 * join (same build, run not over), and each host's heartbeat. The leader runs the run as on one
 * machine ({@code mproc.parent.DistributedRun}) and sees the joined hosts' workers as its own
 * ({@code mproc.parent.JoinedHosts}); a joined host only starts and watches workers
 * ({@code mproc.parent.JoinedHost}).
 */
package mproc.cluster;
