package mproc.reporting;

/**
 * Stands for a throwable from a worker whose class the parent could not deserialize or load. It
 * keeps the original class name, message, stack trace and cause chain; {@link #toString()} reads
 * as the original would.
 */
public final class RemoteThrowable extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String originalClassName;

  public RemoteThrowable(String originalClassName, String message, Throwable cause) {
    super(message, cause, false, true);
    this.originalClassName = originalClassName;
  }

  public String originalClassName() {
    return originalClassName;
  }

  @Override
  public String toString() {
    String message = getLocalizedMessage();
    return message == null ? originalClassName : originalClassName + ": " + message;
  }
}
