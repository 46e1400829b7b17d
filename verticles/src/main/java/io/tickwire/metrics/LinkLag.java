package io.tickwire.metrics;

import io.tickwire.flow.LinkMeters;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far the consumers of one link are behind, for {@code tickwire_consumer_lag_seconds}. Receivers observe each
 * batch as it arrives (one call per batch, from their event loops); the scrape reads from another thread.
 *
 * <ul>
 *   <li>{@code queue_age}: how long the latest batch took from its sender to its receiver (waiting for the consumer's
 *       event loop and crossing the cluster), or 0 when nothing arrived for {@link #IDLE_MS}: an idle link is not
 *       behind. Across nodes it includes the difference between their clocks.
 *   <li>{@code event_time}: the wall clock minus the newest event time received. It grows while the pipeline falls
 *       behind its feed, and also while the feed is silent (then it says how stale the newest data is). It includes
 *       the exchange's own latency, and replays of old captures show their age. NaN until an event arrives.
 * </ul>
 */
public final class LinkLag implements LinkMeters.LagObserver {
  static final long IDLE_MS = 5_000;

  private final AtomicLong newestEventMicros = new AtomicLong(Long.MIN_VALUE);
  private volatile long lastQueueAgeMs;
  private volatile long lastReceivedMs;

  @Override
  public void observe(long sentAtMillis, long newestEventMicros) {
    long now = System.currentTimeMillis();
    if (sentAtMillis >= 0) {
      lastQueueAgeMs = Math.max(0, now - sentAtMillis);
      lastReceivedMs = now;
    }
    if (newestEventMicros >= 0 && newestEventMicros > this.newestEventMicros.get()) {
      this.newestEventMicros.accumulateAndGet(newestEventMicros, Math::max);
    }
  }

  double queueAgeSeconds() {
    return queueAgeSeconds(System.currentTimeMillis());
  }

  double queueAgeSeconds(long nowMs) {
    return nowMs - lastReceivedMs > IDLE_MS ? 0 : lastQueueAgeMs / 1000.0;
  }

  double eventTimeSeconds() {
    return eventTimeSeconds(System.currentTimeMillis() * 1000);
  }

  double eventTimeSeconds(long nowMicros) {
    long newest = newestEventMicros.get();
    return newest == Long.MIN_VALUE ? Double.NaN : Math.max(0, nowMicros - newest) / 1e6;
  }
}
