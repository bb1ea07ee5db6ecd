package mproc.it.suite.live;

import org.testng.annotations.Test;

public class LiveSlow {
  @Test public void slow() throws Exception {
    LiveLog.ran("LiveSlow.slow");
    Thread.sleep(1_500);
  }
}
