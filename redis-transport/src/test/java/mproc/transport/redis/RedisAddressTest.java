package mproc.transport.redis;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;
import static org.testng.Assert.expectThrows;

import org.testng.annotations.Test;

public class RedisAddressTest {
  @Test
  public void aUrlGivesTheServerAndTheRunsName() {
    RedisAddress a = RedisAddress.parse("rediss://ci:s3cret@redis.example:6380/build-42");
    assertEquals(a.host(), "redis.example");
    assertEquals(a.port(), 6380);
    assertEquals(a.name(), "build-42");
    assertEquals(a.server().toString(), "rediss://ci:s3cret@redis.example:6380");
    assertEquals(a.key("work"), "mproc:build-42:work");
    assertEquals(a.toString(), "rediss://ci:***@redis.example:6380/build-42", "no password when shown");
    assertEquals(RedisAddress.parse("redis://localhost/run").port(), 6379);
  }

  @Test
  public void aBadUrlIsOneLineThatSaysWhatIsWrongWithoutThePassword() {
    for (String[] c : new String[][] {
        {"http://h:1/run", "it must start with redis:// or rediss://"},
        {"redis://h:1", "it must end with /NAME"},
        {"redis://u:pw@h:1/a b", "not a URL"},
        {"redis://u:pw@h:1/", "it must end with /NAME"}}) {
      String message = expectThrows(IllegalArgumentException.class, () -> RedisAddress.parse(c[0])).getMessage();
      assertTrue(message.startsWith("mproc.cluster: '") && message.contains(c[1]), c[0] + ": " + message);
      assertFalse(message.contains("pw"), message);
    }
  }
}
