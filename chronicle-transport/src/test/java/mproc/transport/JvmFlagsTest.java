package mproc.transport;

import static org.testng.Assert.assertEquals;
import static org.testng.Assert.assertFalse;
import static org.testng.Assert.assertTrue;

import org.testng.annotations.Test;

public class JvmFlagsTest {
  /** JDK 24+ warns in 4 lines per JVM about Chronicle's sun.misc.Unsafe calls; 17 refuses the option. */
  @Test
  public void unsafeMemoryAccessIsAllowedOnlyOnJdksThatKnowTheOption() {
    assertFalse(JvmFlags.forFeatureVersion(17).contains(JvmFlags.UNSAFE_MEMORY_ACCESS));
    assertFalse(JvmFlags.forFeatureVersion(22).contains(JvmFlags.UNSAFE_MEMORY_ACCESS));
    assertTrue(JvmFlags.forFeatureVersion(23).contains(JvmFlags.UNSAFE_MEMORY_ACCESS));
    assertTrue(JvmFlags.forFeatureVersion(25).contains(JvmFlags.UNSAFE_MEMORY_ACCESS));
    assertEquals(JvmFlags.ALL, JvmFlags.forFeatureVersion(Runtime.version().feature()));
    assertTrue(JvmFlags.ALL.containsAll(JvmFlags.REQUIRED));
  }
}
