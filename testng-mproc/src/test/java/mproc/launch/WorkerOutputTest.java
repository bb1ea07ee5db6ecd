package mproc.launch;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.testng.annotations.Test;

/** Real child processes (sh) whose output one thread copies, marked by worker. */
public class WorkerOutputTest {

  private static Process sh(String script) throws Exception {
    return new ProcessBuilder("sh", "-c", script).start();
  }

  private static long copiers() {
    return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("mproc-worker-output")).count();
  }

  @Test
  public void everyLineOfEveryWorkerArrivesMarkedOnItsStreamInOrder() throws Exception {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);
    long before = copiers();
    WorkerOutput output = new WorkerOutput();
    try {
      Process one = sh("for i in 1 2 3; do echo one-$i; sleep 0.05; done; echo oops >&2; printf 'crlf\\r\\nno end'");
      Process two = sh("i=0; while [ $i -lt 2000 ]; do echo two-$i; i=$((i+1)); done; echo 'é ü' >&2");
      Process three = sh("sleep 0.2; echo three");
      WorkerOutput.Worker w1 = output.copy(1, one, out, err);
      WorkerOutput.Worker w2 = output.copy(2, two, out, err);
      WorkerOutput.Worker w3 = output.copy(3, three, out, err);
      assertEquals(copiers(), before + 1, "one thread copies every worker's output");
      for (Process p : List.of(one, two, three)) {
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
      }
      for (WorkerOutput.Worker w : List.of(w1, w2, w3)) {
        w.awaitEnd(5_000);
      }
      String o = outBytes.toString(StandardCharsets.UTF_8);
      String e = errBytes.toString(StandardCharsets.UTF_8);
      List<String> outLines = o.lines().toList();
      assertEquals(outLines.stream().filter(l -> l.startsWith("[worker-1] one-")).toList(),
          List.of("[worker-1] one-1", "[worker-1] one-2", "[worker-1] one-3"), o);
      List<String> twos = outLines.stream().filter(l -> l.startsWith("[worker-2] ")).toList();
      assertEquals(twos.size(), 2000, "a burst arrives whole");
      for (int i = 0; i < 2000; i++) {
        assertEquals(twos.get(i), "[worker-2] two-" + i);
      }
      assertTrue(outLines.contains("[worker-1] crlf"), "a CR before the newline goes: " + o);
      assertTrue(outLines.contains("[worker-1] no end"), "a last line without a newline arrives at the end: " + o);
      assertTrue(outLines.contains("[worker-3] three"), o);
      assertEquals(e.lines().sorted().toList(), List.of("[worker-1] oops", "[worker-2] é ü"), "stderr to err, UTF-8 whole: " + e);
      assertEquals(w1.lastLines().stream().sorted().toList(), List.of("crlf", "no end", "one-1", "one-2", "one-3", "oops"),
          "both streams' last lines (their order between the streams is the reading's)");
      assertEquals(w2.lastLines().size(), 20, "the last 20 lines are kept");
      assertTrue(w2.lastLines().contains("two-1999"), w2.lastLines().toString());
    } finally {
      output.close();
    }
    assertEquals(copiers(), before, "the thread ends with close()");
  }

  @Test
  public void aWorkerStillAliveAtCloseHasItsLinesSoFarAndNothingWaitsForIt() throws Exception {
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    WorkerOutput output = new WorkerOutput();
    Process p = sh("echo started; exec sleep 30");
    try {
      WorkerOutput.Worker w = output.copy(7, p, out, out);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!outBytes.toString(StandardCharsets.UTF_8).contains("[worker-7] started") && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      long start = System.nanoTime();
      output.close();
      assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "close does not wait for a live worker");
      assertEquals(w.lastLines(), List.of("started"));
    } finally {
      p.destroyForcibly();
      p.waitFor(5, TimeUnit.SECONDS);
    }
  }
}
