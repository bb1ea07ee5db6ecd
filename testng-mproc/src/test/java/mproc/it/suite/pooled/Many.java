package mproc.it.suite.pooled;

import mproc.it.suite.RunLog;
import org.testng.annotations.Factory;
import org.testng.annotations.Test;

/** 150 instances of one next-to-nothing test: each instance's test is a result of its own, sent as fast as can be. */
public class Many {
  private final int n;

  public Many(int n) {
    this.n = n;
  }

  @Factory
  public static Object[] instances() {
    Object[] all = new Object[150];
    for (int i = 0; i < all.length; i++) {
      all[i] = new Many(i);
    }
    return all;
  }

  @Test
  public void one() throws InterruptedException {
    RunLog.record("test one " + n);
    RunLog.awaitJvms("test ", 2, 30);
  }

  @Override
  public String toString() {
    return "Many " + n;
  }
}
