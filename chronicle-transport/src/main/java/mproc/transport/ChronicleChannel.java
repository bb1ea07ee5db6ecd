package mproc.transport;

import java.nio.file.Path;
import net.openhft.chronicle.core.io.BackgroundResourceReleaser;
import net.openhft.chronicle.queue.ChronicleQueue;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

/**
 * A Chronicle queue with exactly one writer and any number of readers, each of which sees every
 * message (broadcast). One writer per queue means a writer that dies mid-message blocks nobody.
 *
 * <p>Safe to use from several threads (a test under TestNG's {@code timeOut} runs on a thread of
 * its own): sending and polling are synchronized, and Chronicle's single-thread checks are off.
 */
public final class ChronicleChannel implements Channel {
  /** A writer killed mid-write holds the queue's lock this long before another may take it. */
  private static final long LOCK_TIMEOUT_MS = 2_000;

  private final ChronicleQueue queue;
  private ExcerptAppender appender;
  private ExcerptTailer tailer;

  private ChronicleChannel(ChronicleQueue queue) {
    this.queue = queue;
  }

  public static ChronicleChannel open(Path dir) {
    ChronicleProperties.apply();
    if (!JvmFlags.presentInThisJvm()) {
      throw new IllegalStateException(
          "this JVM lacks the flags Chronicle Queue needs: start it with " + String.join(" ", JvmFlags.REQUIRED));
    }
    ChronicleQueue queue =
        SingleChronicleQueueBuilder.binary(dir).timeoutMS(LOCK_TIMEOUT_MS).build();
    return new ChronicleChannel(queue);
  }

  @Override
  public synchronized void send(Message message) {
    if (appender == null) {
      appender = queue.createAppender();
      appender.singleThreadedCheckDisabled(true);
    }
    try (DocumentContext dc = appender.writingDocument()) {
      MessageCodec.write(message, dc.wire().bytes());
    }
  }

  @Override
  public synchronized Message poll() {
    if (tailer == null) {
      tailer = queue.createTailer();
      tailer.singleThreadedCheckDisabled(true);
    }
    try (DocumentContext dc = tailer.readingDocument()) {
      if (!dc.isPresent()) {
        return null;
      }
      return MessageCodec.read(dc.wire().bytes());
    }
  }

  @Override
  public synchronized void close() {
    if (appender != null) {
      appender.close();
    }
    if (tailer != null) {
      tailer.close();
    }
    queue.close();
    BackgroundResourceReleaser.releasePendingResources();
  }
}
