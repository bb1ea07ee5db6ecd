package mproc.parent;

/** Why a test has no result of its own: the worker that held it is gone. */
public final class WorkerLostException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public WorkerLostException(String message) {
    super(message, null, false, false);
  }
}
