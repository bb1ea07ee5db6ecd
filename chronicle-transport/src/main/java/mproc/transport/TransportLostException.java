package mproc.transport;

/**
 * The transport of a run stopped answering (Redis went away): nothing more can be sent or read. Its
 * message is one line that names where the transport was (never a password) and why.
 */
public class TransportLostException extends RuntimeException {
  public TransportLostException(String message, Throwable cause) {
    super(message, cause);
  }
}
