package mproc.it.suite.state;

import org.testng.annotations.Test;

/**
 * Listed after {@link SharedBase}: its inherited {@code @BeforeTest} runs on the base's instance, not
 * this one. Its test comes first in dispatch order (priority), so a worker's run holds it first.
 */
public class LaterSubclass extends SharedBase {
  @Test(priority = -1)
  public void subclassHasIt() {
    org.testng.Assert.assertNotNull(injector, "set on the instance TestNG chose");
  }
}
