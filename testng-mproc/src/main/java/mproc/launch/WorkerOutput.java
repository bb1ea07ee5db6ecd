package mproc.launch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import mproc.reporting.live.LiveConsole;

/**
 * Copies every worker JVM's stdout and stderr to the user, line by line, each line marked with the
 * worker it came from, on one thread for the whole run; keeps each worker's last lines for the
 * report if it dies.
 *
 * <p>One thread, made with the run, rather than two per worker made as each starts: a user's
 * thread-leak detector (Apache Pulsar's {@code ThreadLeakDetectorListener} compares the threads
 * alive at a suite's start with those at each {@code <test>}'s end) saw each later worker's copiers
 * as threads the suite had leaked, which a sequential run does not have. A stream is read only as
 * far as it has bytes ({@link InputStream#available()}, which a pipe answers), so that one thread
 * serves them all without blocking on any.
 *
 * <p>Lines that arrived together go out in one write, and after a write of a few lines this thread
 * naps {@link #NAP_MILLIS} so that the lines of a chatty test gather in the pipe meanwhile. A
 * worker that logs a line at a time (atlas-intg: 235,000 lines, 128 MB) otherwise woke the copier
 * for every line, a switch between processes each time: with the suite in two workers, 5.4-6.2 s
 * of system CPU and 14.5-15.9 s of wall time, against 1.7-1.9 s and 12.0-12.8 s with the nap (4
 * alternating rounds). With nothing to read the nap grows to {@link #IDLE_NAP_MILLIS}: a line
 * waits at most that long.
 */
public final class WorkerOutput implements AutoCloseable {
  private static final int TAIL_LINES = 20;
  private static final int BATCH_CHARS = 1 << 16;
  private static final long NAP_MILLIS = 2;
  private static final long IDLE_NAP_MILLIS = 20;

  private final List<Stream> streams = new CopyOnWriteArrayList<>();
  private final Thread thread = new Thread(this::copyUntilClosed, "mproc-worker-output");
  private volatile boolean closed;

  public WorkerOutput() {
    thread.setDaemon(true);
    thread.start();
  }

  /** One worker's output: both of its streams, and its last lines. */
  public final class Worker {
    private final Deque<String> tail = new ArrayDeque<>();
    private final List<Stream> own = new ArrayList<>(2);

    private Worker() {}

    /** Its last lines, once both streams are read to their end (at most a second's wait). */
    public List<String> lastLines() {
      awaitEnd(1_000);
      synchronized (tail) {
        return new ArrayList<>(tail);
      }
    }

    /** Waits up to {@code millis} for its streams to be read to their end (the worker has exited). */
    public void awaitEnd(long millis) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      try {
        for (Stream s : own) {
          s.ended.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private void keep(String line) {
      synchronized (tail) {
        if (tail.size() == TAIL_LINES) {
          tail.removeFirst();
        }
        tail.addLast(line);
      }
    }
  }

  /** Copies {@code process}'s stdout to {@code out} and its stderr to {@code err}, each line marked with {@code id}. */
  public Worker copy(int id, Process process, PrintStream out, PrintStream err) {
    Worker w = new Worker();
    String prefix = "[worker-" + id + "] ";
    w.own.add(new Stream(w, process, process.getInputStream(), out, prefix));
    w.own.add(new Stream(w, process, process.getErrorStream(), err, prefix));
    streams.addAll(w.own);
    LockSupport.unpark(thread);
    return w;
  }

  /** Reads what is left of streams whose worker has exited, then ends the thread. */
  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(thread);
    try {
      thread.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void copyUntilClosed() {
    long idleNap = NAP_MILLIS;
    while (true) {
      boolean closing = closed;
      boolean read = false;
      boolean trickle = false;
      for (Stream s : streams) {
        int chars = s.copyAvailable(closing);
        read |= chars > 0;
        trickle |= chars > 0 && chars < BATCH_CHARS / 16;
        if (s.ended.getCount() == 0) {
          streams.remove(s);
        }
      }
      if (closing) {
        streams.forEach(s -> s.end()); // a worker still alive at the run's end (it is being killed): its lines so far
        return;
      }
      if (streams.isEmpty()) {
        LockSupport.park(this); // until a worker starts, or the run ends
        idleNap = NAP_MILLIS;
      } else if (!read || trickle) {
        idleNap = read ? NAP_MILLIS : Math.min(IDLE_NAP_MILLIS, idleNap * 2);
        LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(idleNap));
      }
    }
  }

  /** One stream of one worker: the bytes of a line not yet ended, and where its lines go. */
  private static final class Stream {
    private final Worker worker;
    private final Process process;
    private final InputStream in;
    private final PrintStream target;
    private final String prefix;
    private final byte[] buffer = new byte[BATCH_CHARS];
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    final CountDownLatch ended = new CountDownLatch(1);

    Stream(Worker worker, Process process, InputStream in, PrintStream target, String prefix) {
      this.worker = worker;
      this.process = process;
      this.in = in;
      this.target = target;
      this.prefix = prefix;
    }

    /**
     * Copies the whole lines that have arrived, in one write; ends the stream once its worker has
     * exited and nothing is left (a process the worker started may still hold the pipe: not waited
     * for). Returns the characters written.
     */
    int copyAvailable(boolean closing) {
      if (ended.getCount() == 0) {
        return 0;
      }
      StringBuilder batch = new StringBuilder();
      boolean finished;
      try {
        int n;
        while (batch.length() < BATCH_CHARS && (n = in.available()) > 0) {
          int read = in.read(buffer, 0, Math.min(n, buffer.length));
          if (read < 0) {
            break;
          }
          lines(read, batch);
        }
        finished = !closing && in.available() == 0 && !process.isAlive();
      } catch (IOException e) {
        finished = true; // closed with the worker's end: nothing more to read
      }
      write(batch);
      if (finished) {
        end();
      }
      return batch.length();
    }

    private void lines(int read, StringBuilder batch) {
      int from = 0;
      for (int i = 0; i < read; i++) {
        if (buffer[i] == '\n') {
          partial.write(buffer, from, i - from);
          line(batch);
          from = i + 1;
        }
      }
      partial.write(buffer, from, read - from);
    }

    private void line(StringBuilder batch) {
      String line = partial.toString(StandardCharsets.UTF_8);
      partial.reset();
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      worker.keep(line);
      if (batch.length() > 0) {
        batch.append(System.lineSeparator());
      }
      batch.append(prefix).append(line);
    }

    private void write(StringBuilder batch) {
      if (batch.length() > 0) {
        LiveConsole.println(target, batch.toString()); // never into the progress line
      }
    }

    /** The line the worker did not end, if any, and the end of the stream. */
    void end() {
      if (ended.getCount() == 0) {
        return;
      }
      if (partial.size() > 0) {
        StringBuilder last = new StringBuilder();
        line(last);
        write(last);
      }
      ended.countDown();
    }
  }
}
