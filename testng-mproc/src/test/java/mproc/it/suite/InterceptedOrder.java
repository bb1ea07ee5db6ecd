package mproc.it.suite;

import java.util.ArrayList;
import java.util.List;
import org.testng.annotations.Test;

/** SoleInterceptorTest fixture: records the order its methods ran in; one has a priority. */
public class InterceptedOrder {
  public static final List<String> RAN = new ArrayList<>();

  @Test(priority = 1)
  public void a() {
    RAN.add("a");
  }

  @Test
  public void b() {
    RAN.add("b");
  }

  @Test
  public void c() {
    RAN.add("c");
  }
}
