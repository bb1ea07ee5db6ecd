package mproc.it.suite.inherit;

public class Breaks extends DependentBase {
  @Override
  boolean breaks() {
    return true;
  }
}
