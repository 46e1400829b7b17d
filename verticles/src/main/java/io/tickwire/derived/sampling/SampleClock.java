package io.tickwire.derived.sampling;

/**
 * When samples fall due, in event time. Samples are taken at the multiples of {@code step} (epoch microseconds),
 * and a sample at T falls due once the newest event time observed reaches T + {@code lateness}: events from slower
 * sources stamped at or before T have had that long to arrive, so which events a sample holds depends on event
 * times, not on how the stream was interleaved or batched, and a replay takes the same samples.
 *
 * <p>The first sample is the first multiple of {@code step} at or after the first event. A jump in event time of
 * more than {@link #MAX_CATCH_UP} samples (a feed back after a long silence, a replay with a hole) skips the
 * samples in between, counted, rather than emitting a flood of samples that can only say "stale".
 *
 * <p>Not thread-safe: owned by one event loop.
 */
public final class SampleClock {
  /** Samples one observation may bring due at most. */
  public static final int MAX_CATCH_UP = 600;
  private static final long NONE = Long.MIN_VALUE;

  private final long step;
  private final long lateness;
  private long newest = NONE;
  private long lastSample = NONE;
  private long skipped;

  /** @param step and lateness in epoch microseconds */
  public SampleClock(long step, long lateness) {
    if (step <= 0 || lateness < 0) {
      throw new IllegalArgumentException("step must be positive and lateness not negative: " + step + ", " + lateness);
    }
    this.step = step;
    this.lateness = lateness;
  }

  /** The sample time an event at {@code time} first counts for: the first multiple of the step at or after it. */
  public long sampleOf(long time) {
    return Math.floorDiv(time + step - 1, step) * step;
  }

  /** Takes an event time in; the samples it brings due are then read with {@link #nextDue()}. */
  public void observe(long eventTime) {
    if (newest == NONE) {
      lastSample = sampleOf(eventTime) - step;
    }
    newest = Math.max(newest, eventTime);
  }

  /** The next sample that is due, marked as taken, or {@link Long#MIN_VALUE} when none is. */
  public long nextDue() {
    if (newest == NONE) {
      return NONE;
    }
    long watermark = newest - lateness;
    long next = lastSample + step;
    if (next > watermark) {
      return NONE;
    }
    long last = Math.floorDiv(watermark, step) * step;
    long behind = (last - next) / step + 1;
    if (behind > MAX_CATCH_UP) {
      skipped += behind - MAX_CATCH_UP;
      next = last - (MAX_CATCH_UP - 1) * step;
    }
    lastSample = next;
    return next;
  }

  /** The newest sample taken, or {@link Long#MIN_VALUE} before the first. */
  public long lastSample() {
    return newest == NONE ? NONE : lastSample;
  }

  /** The newest event time observed, or {@link Long#MIN_VALUE} before the first. */
  public long newest() {
    return newest;
  }

  /** Samples skipped by jumps in event time. */
  public long skipped() {
    return skipped;
  }
}
