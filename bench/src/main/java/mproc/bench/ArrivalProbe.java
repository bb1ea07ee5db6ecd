package mproc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.testng.IExecutionListener;
import org.testng.ITestListener;
import org.testng.ITestResult;

/**
 * A listener for the parent ({@code -listener mproc.bench.ArrivalProbe}): notes when each result is
 * reported and writes the median gap between consecutive results, in microseconds, to the file named
 * by {@code -Dbench.arrivals}. With one warm worker running empty tests, that gap is the whole
 * per-test cost: claim, run, result back to the parent.
 */
public class ArrivalProbe implements ITestListener, IExecutionListener {
  private long[] arrivals = new long[4096];
  private int count;

  @Override
  public void onTestSuccess(ITestResult result) {
    arrived();
  }

  @Override
  public void onTestFailure(ITestResult result) {
    arrived();
  }

  @Override
  public void onTestSkipped(ITestResult result) {
    arrived();
  }

  private synchronized void arrived() {
    if (count == arrivals.length) {
      arrivals = Arrays.copyOf(arrivals, count * 2);
    }
    arrivals[count++] = System.nanoTime();
  }

  @Override
  public synchronized void onExecutionFinish() {
    String file = System.getProperty("bench.arrivals");
    if (file == null || count < 2) {
      return;
    }
    long[] gaps = new long[count - 1];
    for (int i = 1; i < count; i++) {
      gaps[i - 1] = arrivals[i] - arrivals[i - 1];
    }
    Arrays.sort(gaps);
    try {
      Files.writeString(Path.of(file), String.valueOf(gaps[gaps.length / 2] / 1000.0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
