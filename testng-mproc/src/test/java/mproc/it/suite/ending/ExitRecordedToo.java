package mproc.it.suite.ending;

import org.testng.annotations.Test;

/** The tests of a second suite. */
public class ExitRecordedToo {
  @Test public void five() throws InterruptedException { ExitRecorded.ran("five"); }
  @Test public void six() throws InterruptedException { ExitRecorded.ran("six"); }
}
