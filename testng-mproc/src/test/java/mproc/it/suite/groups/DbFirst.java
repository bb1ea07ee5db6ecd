package mproc.it.suite.groups;

import mproc.Group;
import org.testng.annotations.Test;

@Group("db")
public class DbFirst {
  @Test public void d1() throws Exception { Work.run(this, "d1", 100); }
  @Test public void d2() throws Exception { Work.run(this, "d2", 100); }
  @Test public void d3() throws Exception { Work.run(this, "d3", 100); }
}
