package mproc.it.suite.inherit;

import java.lang.reflect.Method;
import org.testng.Reporter;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.BeforeMethod;
import org.testng.annotations.Parameters;
import org.testng.annotations.Test;

/** Configuration methods that log and that TestNG gives parameters: the report lists both. */
public class Configured {
  @BeforeClass
  public void setUpTheClass() {
    Reporter.log("the class is set up");
  }

  @BeforeMethod
  public void beforeEach(Method test) {
    Reporter.log("before " + test.getName());
  }

  @BeforeMethod
  @Parameters("level")
  public void atLevel(String level) {
    Reporter.log("at level " + level);
  }

  @Test
  public void first() {}

  @Test
  public void second() {}
}
