package mproc.it.suite;

import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Ignore;
import org.testng.annotations.Test;

/**
 * A class marked {@code @Test}: its public methods are tests, and its configuration methods are
 * looked up both as methods and as test methods, which TestNG answers differently (the latter falls
 * back to the class's {@code @Test}). TestNG skips the {@code @Ignore}d one.
 */
@Test
public class ClassLevelTest {
  @Ignore
  @BeforeMethod
  public void ignoredSetUp() {
    RunLog.record("config ignoredSetUp");
  }

  @BeforeMethod
  public void setUp() {
    RunLog.record("config setUp");
  }

  public void first() {
    RunLog.record("test first");
  }

  public void second() {
    RunLog.record("test second");
  }
}
