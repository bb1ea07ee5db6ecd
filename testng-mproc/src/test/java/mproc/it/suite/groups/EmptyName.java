package mproc.it.suite.groups;

import mproc.Group;
import org.testng.annotations.Test;

public class EmptyName {
  @Group("")
  @Test public void t() throws Exception { Work.run(this, "t", 1); }
}
