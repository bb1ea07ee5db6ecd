package mproc.bench;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** CPU-bound work for the {@code cpu} workload: rounds of SHA-256. */
public final class Cpu {
  /** Rounds that take about a second on the machine the README's table was measured on. */
  public static final int ONE_SECOND = Integer.getInteger("bench.cpuRounds", 15_000_000);

  private Cpu() {}

  public static byte[] burn(int rounds) throws NoSuchAlgorithmException {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    byte[] value = new byte[32];
    for (int i = 0; i < rounds; i++) {
      value = sha.digest(value);
    }
    return value;
  }
}
