package mproc.parent;

import mproc.launch.WorkerProcess;
import mproc.transport.Channel;
import mproc.transport.Message.TestStarted;

/** The parent's handle on one worker: its process, its result channel, and the test in flight. */
final class RemoteWorker {
  final WorkerProcess process;
  final Channel results;
  /** The test the worker said it started and has not yet reported, or null. */
  TestStarted inFlight;
  /** It has said it is ready (its queues are open). */
  boolean ready;
  boolean gone;

  RemoteWorker(WorkerProcess process, Channel results) {
    this.process = process;
    this.results = results;
  }

  int id() {
    return process.id();
  }

  String host() {
    return "worker-" + process.id();
  }
}
