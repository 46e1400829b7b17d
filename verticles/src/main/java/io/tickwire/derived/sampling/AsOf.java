package io.tickwire.derived.sampling;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * One input's value as of a sample time: the newest value stamped at or before it. Values may arrive out of
 * event-time order (within the clock's lateness); each is kept under the sample it first counts for, only the newest
 * per sample, so an input that updates a thousand times between samples holds one value per pending sample.
 *
 * <p>A value for a sample already taken is late: it cannot change that sample, but if it is newer than the value
 * in force it becomes the value for the samples to come. At most {@code maxPending} samples' values wait; past that
 * the oldest is folded into the value in force early (its sample can then no longer tell it from older values).
 *
 * <p>A null value is an input saying it has no value from its time on (a book dropped after a feed gap, a crossed
 * book): samples from then until its next value see none.
 *
 * <p>Not thread-safe: owned by one event loop.
 */
public final class AsOf<V> {
  /** What became of an offered value. */
  public enum Offer {
    /** Waiting for its sample. */
    PENDING,
    /** Too late for its sample; in force from the next one. */
    LATE,
    /** Older than a value already known for the same or a later time: it changes nothing. */
    SUPERSEDED
  }

  private record Stamped<V>(long time, V value) {
  }

  private static final long NONE = Long.MIN_VALUE;

  private final SampleClock clock;
  private final int maxPending;
  private final TreeMap<Long, Stamped<V>> pending = new TreeMap<>();
  private Stamped<V> current;
  private long taken = NONE;

  /** @param clock whose step decides which sample a value first counts for */
  public AsOf(SampleClock clock, int maxPending) {
    if (maxPending < 1) {
      throw new IllegalArgumentException("maxPending must be positive: " + maxPending);
    }
    this.clock = clock;
    this.maxPending = maxPending;
  }

  public Offer offer(long time, V value) {
    long sample = clock.sampleOf(time);
    if (sample <= taken) {
      if (current != null && current.time() > time) {
        return Offer.SUPERSEDED;
      }
      current = new Stamped<>(time, value);
      return Offer.LATE;
    }
    Stamped<V> waiting = pending.get(sample);
    if (waiting != null && waiting.time() > time) {
      return Offer.SUPERSEDED;
    }
    pending.put(sample, new Stamped<>(time, value));
    if (pending.size() > maxPending) {
      fold(pending.pollFirstEntry().getValue());
    }
    return Offer.PENDING;
  }

  /**
   * Moves to sample {@code t}: every value stamped at or before it is now in force; the newest of them is returned
   * (null when there is none, or the newest says there is none).
   */
  public V at(long t) {
    for (Iterator<Map.Entry<Long, Stamped<V>>> it = pending.headMap(t, true).entrySet().iterator(); it.hasNext(); ) {
      fold(it.next().getValue());
      it.remove();
    }
    taken = Math.max(taken, t);
    return current == null ? null : current.value();
  }

  /** When the value in force was stamped, or {@link Long#MIN_VALUE} when there is none. */
  public long time() {
    return current == null ? NONE : current.time();
  }

  private void fold(Stamped<V> value) {
    if (current == null || value.time() >= current.time()) {
      current = value;
    }
  }
}
