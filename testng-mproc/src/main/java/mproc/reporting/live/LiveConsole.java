package mproc.reporting.live;

import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;

/**
 * The parent's console while a progress line may be shown on a terminal: every line anyone writes
 * (a worker's output copied by its reader threads, a failure line, TestNG's and our own messages
 * through {@code System.out}/{@code System.err} once {@link #guardSystemStreams} has run) first
 * erases the progress line, then the progress line is drawn again under it, all under one lock, so
 * that lines never run into it. With no progress line shown, a line is only printed, whole.
 */
public final class LiveConsole {
  private static volatile LiveConsole current;

  private final Object lock = new Object();
  /** Where the progress line is drawn: the parent's standard output as it was before any guard. */
  private final PrintStream terminal;
  private final int width;
  private String status = "";
  private int drawn;
  /** A write through a guarded stream ended mid-line: the progress line waits for its end. */
  private boolean lineOpen;
  private PrintStream guardedOut;
  private PrintStream guardedErr;
  private PrintStream originalOut;
  private PrintStream originalErr;

  public LiveConsole(PrintStream terminal, int width) {
    this.terminal = terminal;
    this.width = Math.max(20, width);
  }

  /** The console of this JVM's run, if one is installed. */
  public static LiveConsole current() {
    return current;
  }

  public static void install(LiveConsole console) {
    current = console;
  }

  /**
   * A whole line to {@code target} (a worker's output, copied): through the installed console, which
   * keeps it apart from the progress line, else just printed.
   */
  public static void println(PrintStream target, String line) {
    LiveConsole console = current;
    if (console == null) {
      target.println(line);
    } else {
      console.line(target, line);
    }
  }

  /** Whether the parent's standard output is a terminal (JDK 22+: a console is there even when it is not). */
  public static boolean stdoutIsTerminal() {
    java.io.Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException e) {
      return true; // JDK 17-21: System.console() is null unless stdin and stdout are terminals
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false;
    }
  }

  /** The terminal's width from {@code COLUMNS}, else 80. */
  public static int terminalWidth() {
    try {
      String columns = System.getenv("COLUMNS");
      return columns == null ? 80 : Integer.parseInt(columns.trim());
    } catch (NumberFormatException e) {
      return 80;
    }
  }

  /** One line to {@code target}, never inside the progress line. */
  public void line(PrintStream target, String line) {
    PrintStream to = original(target);
    synchronized (lock) {
      erase();
      to.println(line);
      to.flush();
      draw();
    }
  }

  /** Shows (or updates) the progress line; an empty text removes it. */
  public void status(String text) {
    synchronized (lock) {
      String fitted = text.length() >= width ? text.substring(0, width - 1) : text;
      if (fitted.equals(status)) {
        return;
      }
      if (drawn > 0 && !fitted.isEmpty()) { // rewritten in place, in one write: no flicker
        int pad = Math.max(0, drawn - fitted.length());
        terminal.print("\r" + fitted + " ".repeat(pad) + "\b".repeat(pad));
        terminal.flush();
        drawn = fitted.length();
        status = fitted;
        return;
      }
      erase();
      status = fitted;
      draw();
    }
  }

  /** Removes the progress line for good (until the next {@link #status}). */
  public void clear() {
    status("");
  }

  /**
   * From now on {@code System.out} and {@code System.err} erase the progress line before they write
   * and draw it again after a line ends: TestNG's lines, our messages, a logging backend's.
   */
  public void guardSystemStreams() {
    synchronized (lock) {
      if (guardedOut != null) {
        return;
      }
      originalOut = System.out;
      originalErr = System.err;
      guardedOut = guard(originalOut);
      guardedErr = guard(originalErr);
      System.setOut(guardedOut);
      System.setErr(guardedErr);
    }
  }

  /** Gives {@code System.out}/{@code System.err} back (those still set to ours). */
  public void restoreSystemStreams() {
    synchronized (lock) {
      erase();
      status = "";
      if (guardedOut != null) {
        if (System.out == guardedOut) {
          System.setOut(originalOut);
        }
        if (System.err == guardedErr) {
          System.setErr(originalErr);
        }
      }
    }
  }

  private PrintStream original(PrintStream target) {
    synchronized (lock) {
      if (target == guardedOut && guardedOut != null) {
        return originalOut;
      }
      if (target == guardedErr && guardedErr != null) {
        return originalErr;
      }
      return target;
    }
  }

  private PrintStream guard(PrintStream original) {
    OutputStream through = new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        if (len == 0) {
          return;
        }
        synchronized (lock) {
          erase();
          original.write(b, off, len);
          original.flush();
          lineOpen = b[off + len - 1] != '\n';
          draw();
        }
      }

      @Override
      public void flush() {
        original.flush();
      }
    };
    try {
      return new PrintStream(through, true, encoding());
    } catch (UnsupportedEncodingException e) {
      return new PrintStream(through, true);
    }
  }

  private static String encoding() {
    String e = System.getProperty("stdout.encoding", System.getProperty("sun.stdout.encoding"));
    return e != null ? e : Charset.defaultCharset().name();
  }

  /** Under the lock: takes the progress line off the terminal. */
  private void erase() {
    if (drawn > 0) {
      terminal.print("\r" + " ".repeat(drawn) + "\r");
      terminal.flush();
      drawn = 0;
    }
  }

  /** Under the lock: draws the progress line, unless a line is being written. */
  private void draw() {
    if (!status.isEmpty() && !lineOpen && drawn == 0) {
      terminal.print("\r" + status);
      terminal.flush();
      drawn = status.length();
    }
  }
}
