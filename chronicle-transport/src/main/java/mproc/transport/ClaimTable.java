package mproc.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One long per unit of work in a memory-mapped file, shared by every JVM of a run. A unit is claimed
 * by compare-and-swap from 0 to the claiming worker's id, so exactly one worker wins it, and any
 * worker may claim any specific unit (not only the next one in order).
 */
public final class ClaimTable implements AutoCloseable {
  /** Units a run can hold (the table's last cell is the gate). The file is sparse: only touched pages take space. */
  public static final int CAPACITY = (1 << 20) - 1;
  /** The gate's states: workers wait while it is closed (0), claim once it is open, never claim once it is shut. */
  public static final long GATE_OPEN = 1;
  public static final long GATE_SHUT = 2;
  private static final int GATE = CAPACITY;

  private static final VarHandle LONGS =
      MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private final FileChannel file;
  private final MappedByteBuffer map;

  private ClaimTable(FileChannel file, MappedByteBuffer map) {
    this.file = file;
    this.map = map;
  }

  public static ClaimTable open(Path path) {
    try {
      FileChannel file =
          FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      MappedByteBuffer map = file.map(FileChannel.MapMode.READ_WRITE, 0, (long) (CAPACITY + 1) * Long.BYTES);
      return new ClaimTable(file, map);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot map the claim table " + path, e);
    }
  }

  /**
   * Claims {@code unit} for {@code owner} (a positive id).
   *
   * @return true if this call claimed it; false if it was already claimed, by anyone
   */
  public boolean claim(int unit, long owner) {
    if (owner <= 0) {
      throw new IllegalArgumentException("owner must be positive: " + owner);
    }
    return LONGS.compareAndSet(map, offset(unit), 0L, owner);
  }

  /**
   * Decides the gate once: open (worker JVMs may claim) or shut (they never will). The parent
   * decides; its own sessions claim regardless.
   *
   * @return true if this call decided it; false if it was decided already
   */
  public boolean decideGate(long state) {
    if (state != GATE_OPEN && state != GATE_SHUT) {
      throw new IllegalArgumentException("a gate is open or shut: " + state);
    }
    return LONGS.compareAndSet(map, GATE * Long.BYTES, 0L, state);
  }

  /** 0 while undecided, else {@link #GATE_OPEN} or {@link #GATE_SHUT}. */
  public long gate() {
    return (long) LONGS.getVolatile(map, GATE * Long.BYTES);
  }

  /** The id that claimed {@code unit}, or 0 if it is still free. */
  public long owner(int unit) {
    return (long) LONGS.getVolatile(map, offset(unit));
  }

  private static int offset(int unit) {
    if (unit < 0 || unit >= CAPACITY) {
      throw new IllegalArgumentException("unit " + unit + " is outside the claim table (0.." + (CAPACITY - 1) + ")");
    }
    return unit * Long.BYTES;
  }

  @Override
  public void close() {
    try {
      file.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
