package mproc.it.suite.inherit;

public class Holds extends DependentBase {
  @Override
  boolean breaks() {
    return false;
  }
}
