package mproc.transport;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNull;
import static org.testng.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mproc.transport.Message.CloseTests;
import mproc.transport.Message.ConfigOutcome;
import mproc.transport.Message.EndOfWork;
import mproc.transport.Message.Frame;
import mproc.transport.Message.MethodRef;
import mproc.transport.Message.TestOutcome;
import mproc.transport.Message.TestPlan;
import mproc.transport.Message.TestStarted;
import mproc.transport.Message.FixtureRequest;
import mproc.transport.Message.FixtureValue;
import mproc.transport.Message.TestsClosed;
import mproc.transport.Message.ThrowableData;
import mproc.transport.Message.UnitDone;
import mproc.transport.Message.Working;
import mproc.transport.Message.UnitPlan;
import mproc.transport.Message.ValueData;
import mproc.transport.Message.WorkerReady;
import org.testng.annotations.Test;

public class ChannelTest {

  @Test
  public void everyMessageTypeSurvivesTheQueue() throws Exception {
    ThrowableData cause = new ThrowableData(null, "java.io.IOException", null, List.of(), null);
    ThrowableData failure =
        new ThrowableData(
            new byte[] {1, 2, 3},
            "com.example.Boom",
            "it broke: ü",
            List.of(new Frame("com.example.T", "run", "T.java", 42), new Frame("x.Y", "z", null, -2)),
            cause);
    List<Message> sent =
        List.of(
            new TestPlan(3, "unit tests", "<suite/>", List.of("a.Setup"), List.of("b.SuiteSetup"), 4, List.of("-propagateDataProviderFailureAsTestFailure")),
            new UnitPlan(7, 3, List.of(new MethodRef("a.B", "c", List.of(0)), new MethodRef("a.B", "d", List.of(1, 2))), true, 2_500),
            new UnitPlan(9, 3, List.of(new MethodRef("a.B", "rows", List.of(3))), false, 0, 8),
            new CloseTests(1, List.of(3, 4)),
            new EndOfWork(),
            new WorkerReady(2, 12345L, 1_700_000_000_123L),
            new TestStarted(7, 1, "a.B", "c"),
            new TestStarted(7, 3, "a.B", "rows", 1_234L, 3, List.of(new ValueData(new byte[] {8}, "eight"), new ValueData(null, "null"))),
            new Working(3, "a.B", "setUp", 0, Working.Kind.CONFIGURATION),
            new Working(3, "a.B", "rows", 2, Working.Kind.DATA_ROW),
            new Working(3, "a.B", "", 0, Working.Kind.SETUP),
            new TestOutcome(
                7, 1, "a.B", "c", 2, 10L, 20L, true, 3, 4,
                List.of(new ValueData(new byte[] {9}, "nine"), new ValueData(null, "null")),
                failure,
                List.of("line 1", "line 2")),
            new Message.StatusChanged(7, 1, 4, 3),
            new ConfigOutcome(3, "a.B", "setUp", 2, 1L, 2L, failure, List.of(), List.of("a line")),
            new UnitDone(7),
            new UnitDone(9, 12),
            new TestsClosed(1),
            new FixtureRequest("server"),
            new FixtureValue("server", new byte[] {4, 5}, null, null),
            new FixtureValue("schema", null, "not serializable", failure),
            new Message.HostJoined(2, "host-2 (ci-7, pid 99)"),
            new Message.WorkerStarted(2001, 2, 4321L, 1_700_000_000_456L),
            new Message.WorkerExited(2001, 137, List.of("last", "lines")),
            new Message.StopWorker(2001),
            new Message.RunEnded(true, List.of("FAILED a.B.c", "run: 3 passed, 1 failed")));

    Path dir = TempDirs.directory("channel-test");
    try (RunDirectory run = RunDirectory.open(dir);
        Channel writer = ChronicleChannel.open(run.workChannel());
        Channel reader = ChronicleChannel.open(run.workChannel())) {
      sent.forEach(writer::send);
      List<Message> received = new ArrayList<>();
      for (Message m = reader.poll(); m != null; m = reader.poll()) {
        received.add(m);
      }
      assertEquals(received.size(), sent.size());
      for (int i = 0; i < sent.size(); i++) {
        assertEquals(describe(received.get(i)), describe(sent.get(i)), "message " + i);
      }
      assertNull(reader.poll(), "nothing more to read");
    }
    assertTrue(Files.notExists(dir), "run directory removed on close");
  }

  /** Records compare arrays by identity, so compare their text with arrays spelled out. */
  private static String describe(Message m) {
    if (m instanceof FixtureValue f) {
      return f.toString().replaceAll("\\[B@[0-9a-f]+", "") + java.util.Arrays.toString(f.value())
          + (f.failure() == null ? "" : f.failure().className());
    }
    if (m instanceof TestOutcome o) {
      return o.toString().replaceAll("\\[B@[0-9a-f]+", "")
          + o.parameters().stream().map(v -> java.util.Arrays.toString(v.serialized())).toList()
          + java.util.Arrays.toString(o.throwable().serialized());
    }
    if (m instanceof TestStarted s) {
      return s.toString().replaceAll("\\[B@[0-9a-f]+", "")
          + s.parameters().stream().map(v -> java.util.Arrays.toString(v.serialized())).toList();
    }
    if (m instanceof ConfigOutcome o) {
      return o.toString().replaceAll("\\[B@[0-9a-f]+", "") + java.util.Arrays.toString(o.throwable().serialized());
    }
    return m.toString();
  }
}
