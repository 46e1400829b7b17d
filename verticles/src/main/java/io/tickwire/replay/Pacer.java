package io.tickwire.replay;

import java.io.Flushable;
import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/**
 * Holds a sender to a rate by schedule rather than by sleeping between events: event {@code i} is due
 * {@code i / rate} seconds after the start, so a late wake-up is made up by the events after it instead of
 * accumulating into a lower rate. Not thread-safe: one per sender.
 */
final class Pacer {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;

  private final long perSecond;
  private final long startNanos;

  Pacer(Rate rate, long startNanos) {
    this.perSecond = rate.perSecond();
    this.startNanos = startNanos;
  }

  /**
   * Returns once event number {@code sent} (from 0) is due; before waiting, flushes {@code pending} so the events
   * already written leave on time rather than sitting in a buffer while we sleep.
   */
  void awaitTurn(long sent, Flushable pending) throws IOException {
    if (perSecond == 0) {
      return;
    }
    long due = startNanos + sent / perSecond * NANOS_PER_SECOND + sent % perSecond * NANOS_PER_SECOND / perSecond;
    long wait = due - System.nanoTime();
    if (wait <= 0) {
      return;
    }
    pending.flush();
    while (wait > 0) {
      LockSupport.parkNanos(wait);
      wait = due - System.nanoTime();
    }
  }
}
