package mproc.transport;

import java.util.ArrayList;
import java.util.List;
import mproc.transport.Message.CloseTests;
import mproc.transport.Message.ConfigOutcome;
import mproc.transport.Message.EndOfWork;
import mproc.transport.Message.MethodRef;
import mproc.transport.Message.TestOutcome;
import mproc.transport.Message.TestPlan;
import mproc.transport.Message.StatusChanged;
import mproc.transport.Message.TestStarted;
import mproc.transport.Message.FixtureRequest;
import mproc.transport.Message.FixtureValue;
import mproc.transport.Message.HostJoined;
import mproc.transport.Message.RunEnded;
import mproc.transport.Message.StopWorker;
import mproc.transport.Message.WorkerExited;
import mproc.transport.Message.WorkerStarted;
import mproc.transport.Message.TestsClosed;
import mproc.transport.Message.ThrowableData;
import mproc.transport.Message.UnitDone;
import mproc.transport.Message.Working;
import mproc.transport.Message.UnitPlan;
import mproc.transport.Message.ValueData;
import mproc.transport.Message.WorkerReady;
import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/** Writes and reads {@link Message}s field by field: a type byte, then the fields in order. */
public final class MessageCodec {
  private static final byte TEST_PLAN = 1;
  private static final byte UNIT_PLAN = 2;
  private static final byte CLOSE_TESTS = 3;
  private static final byte END_OF_WORK = 4;
  private static final byte WORKER_READY = 10;
  private static final byte TEST_STARTED = 11;
  private static final byte TEST_OUTCOME = 12;
  private static final byte CONFIG_OUTCOME = 13;
  private static final byte UNIT_DONE = 14;
  private static final byte TESTS_CLOSED = 15;
  private static final byte FIXTURE_REQUEST = 16;
  private static final byte WORKING = 17;
  private static final byte STATUS_CHANGED = 18;
  private static final byte FIXTURE_VALUE = 20;
  private static final byte HOST_JOINED = 30;
  private static final byte WORKER_STARTED = 31;
  private static final byte WORKER_EXITED = 32;
  private static final byte STOP_WORKER = 33;
  private static final byte RUN_ENDED = 34;

  private MessageCodec() {}

  /** The message as bytes, for a transport that carries bytes (a Redis stream entry). */
  public static byte[] toBytes(Message message) {
    net.openhft.chronicle.bytes.Bytes<byte[]> bytes = net.openhft.chronicle.bytes.Bytes.allocateElasticOnHeap(256);
    try {
      write(message, bytes);
      return bytes.toByteArray();
    } finally {
      bytes.releaseLast();
    }
  }

  /** A message {@link #toBytes} made. */
  public static Message fromBytes(byte[] data) {
    net.openhft.chronicle.bytes.Bytes<byte[]> bytes = net.openhft.chronicle.bytes.Bytes.wrapForRead(data);
    try {
      return read(bytes);
    } finally {
      bytes.releaseLast();
    }
  }

  static void write(Message message, BytesOut<?> out) {
    if (message instanceof TestPlan m) {
      out.writeByte(TEST_PLAN).writeInt(m.testId()).writeUtf8(m.testName()).writeUtf8(m.suiteXml());
      Fields.writeStrings(out, m.configClasses());
      Fields.writeStrings(out, m.suiteConfigClasses());
      out.writeInt(m.workers());
      Fields.writeStrings(out, m.testngOptions());
    } else if (message instanceof UnitPlan m) {
      out.writeByte(UNIT_PLAN).writeInt(m.unitId()).writeInt(m.testId()).writeBoolean(m.exclusive()).writeStopBit(m.expectedMillis());
      out.writeInt(m.rowsOf()).writeStopBit(m.methods().size());
      for (MethodRef ref : m.methods()) {
        out.writeUtf8(ref.className()).writeUtf8(ref.methodName()).writeStopBit(ref.instances().size());
        ref.instances().forEach(out::writeInt);
      }
    } else if (message instanceof CloseTests m) {
      out.writeByte(CLOSE_TESTS).writeInt(m.batch()).writeStopBit(m.testIds().size());
      m.testIds().forEach(out::writeInt);
    } else if (message instanceof EndOfWork) {
      out.writeByte(END_OF_WORK);
    } else if (message instanceof WorkerReady m) {
      out.writeByte(WORKER_READY).writeInt(m.workerId()).writeLong(m.pid()).writeLong(m.readyMillis());
    } else if (message instanceof TestStarted m) {
      out.writeByte(TEST_STARTED).writeInt(m.unitId()).writeInt(m.instance()).writeUtf8(m.className()).writeUtf8(m.methodName());
      out.writeLong(m.startMillis()).writeInt(m.parameterIndex());
      Fields.writeValues(out, m.parameters());
    } else if (message instanceof TestOutcome m) {
      out.writeByte(TEST_OUTCOME).writeInt(m.unitId()).writeInt(m.instance()).writeUtf8(m.className()).writeUtf8(m.methodName());
      out.writeInt(m.status()).writeLong(m.startMillis()).writeLong(m.endMillis());
      out.writeBoolean(m.wasRetried()).writeInt(m.failedInvocation()).writeInt(m.parameterIndex());
      Fields.writeValues(out, m.parameters());
      Fields.writeThrowable(out, m.throwable());
      Fields.writeStrings(out, m.output());
    } else if (message instanceof StatusChanged m) {
      out.writeByte(STATUS_CHANGED).writeInt(m.unitId()).writeInt(m.instance()).writeInt(m.parameterIndex()).writeInt(m.status());
    } else if (message instanceof ConfigOutcome m) {
      out.writeByte(CONFIG_OUTCOME).writeInt(m.testId()).writeUtf8(m.className()).writeUtf8(m.methodName());
      out.writeInt(m.status()).writeLong(m.startMillis()).writeLong(m.endMillis());
      Fields.writeThrowable(out, m.throwable());
      Fields.writeValues(out, m.parameters());
      Fields.writeStrings(out, m.output());
    } else if (message instanceof UnitDone m) {
      out.writeByte(UNIT_DONE).writeInt(m.unitId()).writeInt(m.rows());
    } else if (message instanceof TestsClosed m) {
      out.writeByte(TESTS_CLOSED).writeInt(m.batch());
    } else if (message instanceof FixtureRequest m) {
      out.writeByte(FIXTURE_REQUEST).writeUtf8(m.name());
    } else if (message instanceof Working m) {
      out.writeByte(WORKING).writeInt(m.testId()).writeUtf8(m.className()).writeUtf8(m.methodName())
          .writeInt(m.instance()).writeByte((byte) m.kind().ordinal());
    } else if (message instanceof FixtureValue m) {
      out.writeByte(FIXTURE_VALUE).writeUtf8(m.name());
      Fields.writeBytes(out, m.value());
      out.writeBoolean(m.error() != null);
      if (m.error() != null) {
        out.writeUtf8(m.error());
      }
      Fields.writeThrowable(out, m.failure());
    } else if (message instanceof HostJoined m) {
      out.writeByte(HOST_JOINED).writeInt(m.host()).writeUtf8(m.label());
    } else if (message instanceof WorkerStarted m) {
      out.writeByte(WORKER_STARTED).writeInt(m.workerId()).writeInt(m.host()).writeLong(m.pid()).writeLong(m.startedMillis());
    } else if (message instanceof WorkerExited m) {
      out.writeByte(WORKER_EXITED).writeInt(m.workerId()).writeInt(m.exitCode());
      Fields.writeStrings(out, m.lastLines());
    } else if (message instanceof StopWorker m) {
      out.writeByte(STOP_WORKER).writeInt(m.workerId());
    } else if (message instanceof RunEnded m) {
      out.writeByte(RUN_ENDED).writeBoolean(m.failed());
      Fields.writeStrings(out, m.lines());
    } else {
      throw new IllegalArgumentException("no codec for " + message);
    }
  }

  static Message read(BytesIn<?> in) {
    byte type = in.readByte();
    switch (type) {
      case TEST_PLAN:
        return new TestPlan(in.readInt(), in.readUtf8(), in.readUtf8(), Fields.readStrings(in), Fields.readStrings(in), in.readInt(), Fields.readStrings(in));
      case UNIT_PLAN:
        {
          int unitId = in.readInt();
          int testId = in.readInt();
          boolean exclusive = in.readBoolean();
          long expectedMillis = in.readStopBit();
          int rowsOf = in.readInt();
          int n = (int) in.readStopBit();
          List<MethodRef> methods = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            String className = in.readUtf8();
            String methodName = in.readUtf8();
            int k = (int) in.readStopBit();
            List<Integer> instances = new ArrayList<>(k);
            for (int j = 0; j < k; j++) {
              instances.add(in.readInt());
            }
            methods.add(new MethodRef(className, methodName, instances));
          }
          return new UnitPlan(unitId, testId, methods, exclusive, expectedMillis, rowsOf);
        }
      case CLOSE_TESTS:
        {
          int batch = in.readInt();
          int n = (int) in.readStopBit();
          List<Integer> ids = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            ids.add(in.readInt());
          }
          return new CloseTests(batch, ids);
        }
      case END_OF_WORK:
        return new EndOfWork();
      case WORKER_READY:
        return new WorkerReady(in.readInt(), in.readLong(), in.readLong());
      case TEST_STARTED:
        return new TestStarted(in.readInt(), in.readInt(), in.readUtf8(), in.readUtf8(), in.readLong(), in.readInt(), Fields.readValues(in));
      case TEST_OUTCOME:
        {
          int unitId = in.readInt();
          int instance = in.readInt();
          String className = in.readUtf8();
          String methodName = in.readUtf8();
          int status = in.readInt();
          long start = in.readLong();
          long end = in.readLong();
          boolean retried = in.readBoolean();
          int failedInvocation = in.readInt();
          int parameterIndex = in.readInt();
          List<ValueData> parameters = Fields.readValues(in);
          ThrowableData throwable = Fields.readThrowable(in);
          List<String> output = Fields.readStrings(in);
          return new TestOutcome(
              unitId, instance, className, methodName, status, start, end, retried, failedInvocation, parameterIndex, parameters, throwable,
              output);
        }
      case STATUS_CHANGED:
        return new StatusChanged(in.readInt(), in.readInt(), in.readInt(), in.readInt());
      case CONFIG_OUTCOME:
        return new ConfigOutcome(in.readInt(), in.readUtf8(), in.readUtf8(), in.readInt(), in.readLong(), in.readLong(),
            Fields.readThrowable(in), Fields.readValues(in), Fields.readStrings(in));
      case UNIT_DONE:
        return new UnitDone(in.readInt(), in.readInt());
      case TESTS_CLOSED:
        return new TestsClosed(in.readInt());
      case FIXTURE_REQUEST:
        return new FixtureRequest(in.readUtf8());
      case WORKING:
        return new Working(in.readInt(), in.readUtf8(), in.readUtf8(), in.readInt(), Working.Kind.values()[in.readByte()]);
      case FIXTURE_VALUE:
        {
          String name = in.readUtf8();
          byte[] value = Fields.readBytes(in);
          String error = in.readBoolean() ? in.readUtf8() : null;
          return new FixtureValue(name, value, error, Fields.readThrowable(in));
        }
      case HOST_JOINED:
        return new HostJoined(in.readInt(), in.readUtf8());
      case WORKER_STARTED:
        return new WorkerStarted(in.readInt(), in.readInt(), in.readLong(), in.readLong());
      case WORKER_EXITED:
        return new WorkerExited(in.readInt(), in.readInt(), Fields.readStrings(in));
      case STOP_WORKER:
        return new StopWorker(in.readInt());
      case RUN_ENDED:
        return new RunEnded(in.readBoolean(), Fields.readStrings(in));
      default:
        throw new IllegalStateException("unknown message type " + type + ": the queue is from another version");
    }
  }
}
