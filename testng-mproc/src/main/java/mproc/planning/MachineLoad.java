package mproc.planning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The processors' time so far, busy and in all, from Linux's {@code /proc/stat} (every process of
 * the machine, ours and others'): two readings tell how busy the processors were between them.
 * Elsewhere, or unreadable: none.
 */
public record MachineLoad(long busy, long total) {
  private static final Path STAT = Path.of("/proc/stat");

  /** Now, or null where {@code /proc/stat} cannot be read. */
  public static MachineLoad now() {
    try {
      String cpu;
      try (java.io.BufferedReader lines = Files.newBufferedReader(STAT)) {
        cpu = lines.readLine(); // cpu user nice system idle iowait irq softirq steal ...; a line per processor follows
      }
      String[] f = cpu.trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length && i <= 8; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new MachineLoad(total - idle, total);
    } catch (IOException | RuntimeException e) {
      return null; // not Linux, or another format: no reading, nothing decided from it
    }
  }

  /** The share of the processors' time that was busy since {@code earlier}, from 0 to 1. */
  public double busySince(MachineLoad earlier) {
    long total = this.total - earlier.total;
    return total <= 0 ? 0 : (double) (busy - earlier.busy) / total;
  }
}
