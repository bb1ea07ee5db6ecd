package sample.shop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Order receipts are signed with an iterated SHA-256: CPU work, the kind a suite has some of. */
public final class Checksum {
  private Checksum() {}

  public static String receiptSignature(String receipt, int rounds) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] digest = receipt.getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < rounds; i++) {
        digest = sha.digest(digest);
      }
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
