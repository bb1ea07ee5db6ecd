package mproc.it.suite.live;

import org.testng.SkipException;
import org.testng.annotations.Test;

public class LiveB {
  @Test public void passes() throws Exception {
    LiveLog.ran("LiveB.passes");
    Thread.sleep(200);
  }

  @Test public void fails() {
    LiveLog.ran("LiveB.fails");
    throw new AssertionError("boom\nsecond line");
  }

  @Test public void skips() {
    LiveLog.ran("LiveB.skips");
    throw new SkipException("not today");
  }

  @Test public void passesToo() throws Exception {
    LiveLog.ran("LiveB.passesToo");
    Thread.sleep(200);
  }
}
