package mproc.it.suite.groups;

import mproc.Group;
import org.testng.annotations.Test;

public class Independent {
  @Test public void i1() throws Exception { Work.run(this, "i1", 100); }
  @Test public void i2() throws Exception { Work.run(this, "i2", 100); }
  @Test(priority = -1) public void i3() throws Exception { Work.run(this, "i3", 100); }
  @Test public void i4() throws Exception { Work.run(this, "i4", 100); }

  @Group("solo")
  @Test public void s1() throws Exception { Work.run(this, "s1", 100); }
}
