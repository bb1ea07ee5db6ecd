package mproc.parent;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import mproc.transport.Channel;
import mproc.transport.Message;

/**
 * The parent's own sessions' results ({@link ParentSessions}): sender and reader are in this JVM, so
 * a message is handed over as it is, neither encoded nor written to a queue. Unlike a queue it is
 * no broadcast: a message goes to the reader that polls it, and it has one, the {@link ResultReader}.
 * Measured on 2,000 empty tests run by the parent: the queue's write, read and decoding took about
 * 0.11 s of the parent's 0.78 s with them.
 */
final class InProcessChannel implements Channel {
  private final Queue<Message> messages = new ConcurrentLinkedQueue<>();

  @Override
  public void send(Message message) {
    messages.add(message);
  }

  @Override
  public Message poll() {
    return messages.poll();
  }

  @Override
  public void close() {
    messages.clear();
  }
}
