package mproc.it.suite.inherit;

import org.testng.annotations.Listeners;
import org.testng.annotations.Test;

@Listeners(Heard.class)
public class Observed {
  @Test
  public void one() {}

  @Test
  public void two() {}
}
