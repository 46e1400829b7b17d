package io.tickwire.web.dashboard;

import java.util.function.LongSupplier;

/** Events per second of a growing total, over the time since it was last asked. */
final class EventRate {
  private final LongSupplier total;
  private long lastTotal;
  private long lastNanos;

  EventRate(LongSupplier total, long nowNanos) {
    this.total = total;
    this.lastTotal = total.getAsLong();
    this.lastNanos = nowNanos;
  }

  long perSecond(long nowNanos) {
    long now = total.getAsLong();
    long elapsed = nowNanos - lastNanos;
    long rate = elapsed <= 0 ? 0 : Math.round((now - lastTotal) * 1e9 / elapsed);
    lastTotal = now;
    lastNanos = nowNanos;
    return Math.max(0, rate);
  }
}
