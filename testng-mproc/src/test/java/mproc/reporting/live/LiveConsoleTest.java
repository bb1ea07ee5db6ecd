package mproc.reporting.live;

import static org.testng.Assert.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.testng.annotations.Test;

public class LiveConsoleTest {
  @Test
  public void aLineErasesTheProgressLineAndItIsDrawnAgainUnderIt() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    LiveConsole console = new LiveConsole(terminal, 80);
    console.status("mproc  1/4");
    console.line(terminal, "[worker-1] hello");
    console.status("mproc  2/4");
    console.clear();
    assertEquals(bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"),
        "\rmproc  1/4" + "\r          \r" + "[worker-1] hello\n" + "\rmproc  1/4"
            + "\rmproc  2/4" + "\r          \r");
  }

  @Test
  public void withNoProgressLineALineIsOnlyPrinted() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    new LiveConsole(terminal, 80).line(terminal, "mproc: FAILED A.b  worker-1  0.10 s");
    assertEquals(bytes.toString(StandardCharsets.UTF_8), "mproc: FAILED A.b  worker-1  0.10 s" + System.lineSeparator());
  }

  @Test
  public void guardedSystemStreamsKeepTheirLinesOutOfTheProgressLine() {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream terminal = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    System.setOut(terminal);
    System.setErr(terminal);
    LiveConsole console = new LiveConsole(terminal, 80);
    try {
      console.guardSystemStreams();
      console.status("mproc  1/4");
      System.out.print("part ");
      console.status("mproc  2/4"); // not drawn in the middle of a line
      System.out.println("whole");
      System.err.println("warning");
      console.restoreSystemStreams();
      assertEquals(System.out, terminal);
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    String nl = System.lineSeparator();
    assertEquals(bytes.toString(StandardCharsets.UTF_8),
        "\rmproc  1/4" + "\r          \r" + "part " + "whole" + nl + "\rmproc  2/4" + "\r          \r" + "warning" + nl + "\rmproc  2/4"
            + "\r          \r");
  }

  @Test
  public void aLongLineIsCutToTheTerminal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LiveConsole console = new LiveConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8), 20);
    console.status("mproc  1,234/2,000  61%  3 failed");
    assertEquals(bytes.toString(StandardCharsets.UTF_8), "\rmproc  1,234/2,000 ");
  }

  @Test
  public void aShorterLineCoversTheLongerOneItReplaces() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    LiveConsole console = new LiveConsole(new PrintStream(bytes, true, StandardCharsets.UTF_8), 80);
    console.status("mproc  9/10  eta 0:01");
    console.status("mproc  10/10");
    assertEquals(bytes.toString(StandardCharsets.UTF_8), "\rmproc  9/10  eta 0:01" + "\rmproc  10/10" + " ".repeat(9) + "\b".repeat(9));
  }
}
