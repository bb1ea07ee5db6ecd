package mproc.it.suite.ending;

import java.util.concurrent.atomic.AtomicBoolean;
import mproc.it.suite.RunLog;
import org.testng.annotations.Test;

/** Tests that record, in each JVM that runs one of them, when that JVM begins to exit ("exit pid"). */
public class ExitRecorded {
  private static final AtomicBoolean HOOKED = new AtomicBoolean();

  @Test public void one() throws InterruptedException { ran("one"); }
  @Test public void two() throws InterruptedException { ran("two"); }
  @Test public void three() throws InterruptedException { ran("three"); }
  @Test public void four() throws InterruptedException { ran("four"); }

  static void ran(String name) throws InterruptedException {
    RunLog.record("test " + name);
    if (HOOKED.compareAndSet(false, true)) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> RunLog.record("exit")));
    }
    Thread.sleep(200); // long enough that both workers get some
  }
}
