package mproc.reporting.live;

import java.io.PrintStream;
import java.util.Collection;
import java.util.List;
import mproc.planning.PlannedUnit;
import mproc.reporting.WorkerLife;
import mproc.settings.Settings;
import org.testng.ITestListener;
import org.testng.ITestNGMethod;

/**
 * What a distributed run prints beyond TestNG's own output, as {@code mproc.progress} says: the
 * progress line and failure lines while it runs, the summary after TestNG's. {@code MprocListener}
 * makes one per run (none with {@code off}) and tells it of each suite, plan and dispatch.
 */
public final class LiveRun {
  private final LiveConsole console;
  private final LiveProgress progress;
  private final boolean terminal;

  private LiveRun(boolean terminal, int cores) {
    this.terminal = terminal;
    PrintStream out = System.out;
    this.console = new LiveConsole(out, LiveConsole.terminalWidth());
    if (terminal) {
      console.guardSystemStreams(); // before the run's workers copy their output to System.out/err
    }
    LiveConsole.install(console);
    this.progress = new LiveProgress(terminal, console, out, System::currentTimeMillis, cores);
  }

  /** For a run with these settings; null when {@code mproc.progress} is {@code off}. */
  public static LiveRun start(Settings settings) {
    return settings.progress() == Settings.Progress.OFF ? null : new LiveRun(terminal(settings), settings.cores());
  }

  private static boolean terminal(Settings settings) {
    return switch (settings.progress()) {
      case OFF, PLAIN -> false;
      case TTY -> true;
      case AUTO -> LiveConsole.stdoutIsTerminal();
    };
  }

  /**
   * A suite's {@code mproc.progress} (a suite parameter) counts until the run's first {@code <test>}
   * is dispatched: the live output of a run started before the suite was read is made again if the
   * suite asks for another.
   */
  public static LiveRun settle(LiveRun live, Settings settings, boolean dispatchedAny) {
    boolean off = settings.progress() == Settings.Progress.OFF;
    if (dispatchedAny || (live == null ? off : !off && live.terminal == terminal(settings))) {
      return live;
    }
    if (live != null) {
      live.finish(List.of());
    }
    return start(settings);
  }

  /** The test listener each distributed {@code <test>}'s runner gets: it hears the workers' results. */
  public ITestListener listener() {
    return progress;
  }

  public void expect(Collection<ITestNGMethod> suiteMethods) {
    progress.expect(suiteMethods);
  }

  public void plan(String testName, List<PlannedUnit> units) {
    progress.plan(testName, units);
  }

  public void dispatching(boolean now) {
    progress.dispatching(now);
  }

  /** Ends the live output and prints the summary (if any test ran on a worker), after TestNG's. */
  public void finish(List<WorkerLife> lives) {
    progress.close();
    if (terminal) {
      console.restoreSystemStreams();
    }
    if (LiveConsole.current() == console) {
      LiveConsole.install(null);
    }
    List<TestRecord> records = progress.records();
    if (!records.isEmpty() && !lives.isEmpty()) {
      PrintStream out = System.out;
      RunSummary.lines(records, lives).forEach(out::println);
      out.flush();
    }
  }
}
