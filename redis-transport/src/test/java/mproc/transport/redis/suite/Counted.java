package mproc.transport.redis.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

/** A small suite for a run through Redis: each test notes the JVM it ran in. */
public class Counted {
  @DataProvider public Object[][] words() {
    return new Object[][] {{"alpha"}, {"beta"}, {"gamma"}};
  }

  @Test(dataProvider = "words") public void row(String word) throws IOException { ran("row " + word); }
  @Test public void one() throws IOException { ran("one"); }
  @Test public void two() throws IOException { ran("two"); }
  @Test public void fails() throws IOException {
    ran("fails");
    throw new AssertionError("on purpose");
  }

  private static void ran(String what) throws IOException {
    Files.writeString(Path.of(System.getProperty("it.log")), what + " " + ProcessHandle.current().pid() + "\n",
        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
