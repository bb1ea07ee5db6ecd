package mproc.it.suite.layout;

import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

/** Tests that {@link Twice} changes when it is registered. */
public class Transformed {
  @Test public void twice() { RunLog.record("test twice"); }
  @Test public void once() { RunLog.record("test once"); }
}
