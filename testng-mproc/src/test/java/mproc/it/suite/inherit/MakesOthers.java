package mproc.it.suite.inherit;

import org.testng.annotations.Factory;

/**
 * A factory class, the classic way to feed instances to a test class: the suite file names this
 * class, and its {@code @Factory} method makes the instances of another, which has no constructor
 * TestNG could call itself. A worker's session must name this class, not the one it makes.
 */
public class MakesOthers {
  @Factory
  public Object[] make() {
    return new Object[] {new MadeByAnother(1), new MadeByAnother(2), new MadeByAnother(3)};
  }
}
