package mproc.transport;

/**
 * Messages in one direction: exactly one writer, and any number of readers, each of which sees every
 * message, in order (broadcast). The parent writes the work and fixture channels; each worker writes
 * its own result channel. {@link ChronicleChannel} is the one-machine implementation; the code that
 * sends and polls does not know which it has.
 */
public interface Channel extends AutoCloseable {
  /** Appends a message. Only the channel's one writer calls this. */
  void send(Message message);

  /** The next message this reader has not seen, or null if there is none yet. */
  Message poll();

  @Override
  void close();
}
