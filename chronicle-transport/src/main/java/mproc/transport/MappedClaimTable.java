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
 * order). The gate is one more long after the units'. Then the rows' claims: an open-addressing
 * hash table of {@link #ROW_SLOTS} pairs of longs (the row's key, set once by compare-and-swap, then
 * its owner, claimed as a unit is).
 */
public final class MappedClaimTable implements ClaimTable {
  /** The gate's cell, after the units'. The file is sparse: only touched pages take space. */
  private static final int GATE = CAPACITY;
  /** Rows a run can claim, over all its units; a power of two. */
  static final int ROW_SLOTS = 1 << 20;
  private static final int ROWS_OFFSET = (GATE + 1) * Long.BYTES;
  private static final long SIZE = ROWS_OFFSET + (long) ROW_SLOTS * 2 * Long.BYTES;

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
      MappedByteBuffer map = file.map(FileChannel.MapMode.READ_WRITE, 0, SIZE);
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

  @Override
  public boolean claimRow(int unit, int row, long owner) {
    ClaimTable.checkRowClaim(unit, row, owner);
    return LONGS.compareAndSet(map, rowSlot(rowKey(unit, row), true) + Long.BYTES, 0L, owner);
  }

  @Override
  public long rowOwner(int unit, int row) {
    int slot = rowSlot(rowKey(unit, row), false);
    return slot < 0 ? 0 : (long) LONGS.getVolatile(map, slot + Long.BYTES);
  }

  /** Never 0, the key of an empty slot. */
  private static long rowKey(int unit, int row) {
    return ((long) unit + 1) << 32 | (row & 0xFFFF_FFFFL);
  }

  /**
   * The offset of the slot that holds {@code key}: found by linear probing from its hash, and taken
   * (by compare-and-swap, so two JVMs agree on it) if it is not there and {@code take}; -1 if it is
   * not there and not taken.
   */
  private int rowSlot(long key, boolean take) {
    int start = Long.hashCode(key * 0x9E3779B97F4A7C15L) & (ROW_SLOTS - 1);
    for (int i = 0; i < ROW_SLOTS; i++) {
      int offset = ROWS_OFFSET + ((start + i) & (ROW_SLOTS - 1)) * 2 * Long.BYTES;
      long found = (long) LONGS.getVolatile(map, offset);
      if (found == 0) {
        if (!take) {
          return -1;
        }
        if (LONGS.compareAndSet(map, offset, 0L, key)) {
          return offset;
        }
        found = (long) LONGS.getVolatile(map, offset); // another JVM took it first, maybe for this key
      }
      if (found == key) {
        return offset;
      }
    }
    throw new IllegalStateException("the claim table holds " + ROW_SLOTS + " data provider rows, and every one is claimed");
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
