package mproc.it.suite.groups;

import mproc.Group;
import org.testng.annotations.Test;

@Group("db")
public class DbSecond {
  @Test public void e1() throws Exception { Work.run(this, "e1", 100); }
  @Test public void e2() throws Exception { Work.run(this, "e2", 100); }

  /** Its own group wins over the class's. */
  @Group("solo")
  @Test public void e3() throws Exception { Work.run(this, "e3", 100); }
}
