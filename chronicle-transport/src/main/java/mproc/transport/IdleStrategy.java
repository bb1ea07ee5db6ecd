package mproc.transport;

import java.util.concurrent.locks.LockSupport;

/**
 * How a reader waits when its channel is empty: a few spins for the sub-microsecond case, then
 * short parks growing to {@code maxParkNanos}, so that an idle reader costs little CPU on a
 * 2-core machine where spinning would take the core a worker needs.
 */
public final class IdleStrategy {
  private static final int SPINS = 50;
  private static final long MIN_PARK_NANOS = 20_000;

  private final long maxParkNanos;
  private int idleCount;
  private long parkNanos = MIN_PARK_NANOS;

  public IdleStrategy(long maxParkNanos) {
    this.maxParkNanos = maxParkNanos;
  }

  /** Call after a poll that found nothing. */
  public void idle() {
    if (idleCount++ < SPINS) {
      Thread.onSpinWait();
      return;
    }
    LockSupport.parkNanos(parkNanos);
    parkNanos = Math.min(maxParkNanos, parkNanos * 2);
  }

  /** Call after a poll that found work. */
  public void reset() {
    idleCount = 0;
    parkNanos = MIN_PARK_NANOS;
  }
}
