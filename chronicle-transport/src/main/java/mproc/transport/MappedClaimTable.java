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
 * The claim table of one machine's run: one long per unit of work in a memory-mapped file, shared by
 * every JVM of the run. A unit is claimed by compare-and-swap from 0 to the claiming worker's id, so
 * exactly one worker wins it, and any worker may claim any specific unit (not only the next one in
 * order). The gate is one more long after the units'.
 */
public final class MappedClaimTable implements ClaimTable {
  /** The gate's cell, after the units'. The file is sparse: only touched pages take space. */
  private static final int GATE = CAPACITY;

  private static final VarHandle LONGS =
      MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.nativeOrder());

  private final FileChannel file;
  private final MappedByteBuffer map;

  private MappedClaimTable(FileChannel file, MappedByteBuffer map) {
    this.file = file;
    this.map = map;
  }

  public static MappedClaimTable open(Path path) {
    try {
      FileChannel file =
          FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      MappedByteBuffer map = file.map(FileChannel.MapMode.READ_WRITE, 0, (long) (CAPACITY + 1) * Long.BYTES);
      return new MappedClaimTable(file, map);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot map the claim table " + path, e);
    }
  }

  @Override
  public boolean claim(int unit, long owner) {
    ClaimTable.checkClaim(unit, owner);
    return LONGS.compareAndSet(map, offset(unit), 0L, owner);
  }

  @Override
  public boolean decideGate(long state) {
    ClaimTable.checkGateState(state);
    return LONGS.compareAndSet(map, GATE * Long.BYTES, 0L, state);
  }

  @Override
  public long gate() {
    return (long) LONGS.getVolatile(map, GATE * Long.BYTES);
  }

  @Override
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
