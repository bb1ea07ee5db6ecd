package mproc.transport.redis;

import static org.testng.Assert.assertEquals;

import java.util.List;
import org.testng.annotations.Test;

/** The class-data sharing training's walk through the Redis transport, against its stand-in. */
public class RedisTrainingTest {
  @Test(timeOut = 30_000)
  public void everyCommandIsAnsweredAndTheStandInLeavesNoThread() throws Exception {
    RedisTraining.touchEveryCommand(); // a command the stand-in answered with the wrong shape would throw here
    long deadline = System.nanoTime() + 5_000_000_000L;
    List<String> left;
    do {
      left = Thread.getAllStackTraces().keySet().stream().map(Thread::getName).filter(n -> n.startsWith("mproc-redis-training")).toList();
    } while (!left.isEmpty() && System.nanoTime() < deadline && sleep());
    assertEquals(left, List.of(), "the stand-in's threads end with the training");
  }

  private static boolean sleep() throws InterruptedException {
    Thread.sleep(20);
    return true;
  }
}
