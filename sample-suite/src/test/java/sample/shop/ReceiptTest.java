package sample.shop;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertNotEquals;

import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** CPU-bound: receipts are signed with 1,000,000 rounds of SHA-256. */
public class ReceiptTest {
  private static final int ROUNDS = 1_000_000;

  @DataProvider
  public Object[][] receipts() {
    return new Object[][] {{"order-1: 3 apples"}, {"order-2: 1 melon"}, {"order-3: 2 pears"}, {"order-4: nothing"}};
  }

  @Test(dataProvider = "receipts")
  public void signingIsDeterministic(String receipt) {
    assertEquals(Checksum.receiptSignature(receipt, ROUNDS), Checksum.receiptSignature(receipt, ROUNDS));
  }

  @Test
  public void differentReceiptsHaveDifferentSignatures() {
    assertNotEquals(Checksum.receiptSignature("a", ROUNDS), Checksum.receiptSignature("b", ROUNDS));
  }

  @Test
  public void aSignatureIsSixtyFourHexDigits() {
    assertEquals(Checksum.receiptSignature("x", ROUNDS).length(), 64);
  }
}
