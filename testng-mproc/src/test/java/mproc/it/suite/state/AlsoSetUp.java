package mproc.it.suite.state;

import static org.testng.Assert.assertNotNull;

import org.testng.annotations.BeforeTest;
import org.testng.annotations.Test;

/** A second class whose {@code @BeforeTest} keeps state, reached after {@link SetUpOnce}. */
public class AlsoSetUp {
  private Object state;

  @BeforeTest
  public void prepare() {
    state = new Object();
  }

  @Test
  public void uses() {
    assertNotNull(state, "set by @BeforeTest");
  }

  @Test
  public void usesAgain() {
    assertNotNull(state, "set by @BeforeTest");
  }
}
