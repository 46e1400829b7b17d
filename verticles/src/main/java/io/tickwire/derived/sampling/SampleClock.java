package io.tickwire.derived.sampling;

/**
 * When samples fall due, in event time. Samples are taken at the multiples of {@code step} (epoch microseconds),
 * and a sample at T falls due once every input the stream waits for has reached T + {@code lateness} (the caller
 * says how far that is, see {@link PartitionWatermarks}): inputs stamped at or before T have then arrived, so which
 * inputs a sample holds depends on event times, not on how the stream was interleaved or batched, and a replay
 * takes the same samples. The lateness covers disorder within one source.
 *
 * <p>The first sample is the first multiple of {@code step} at or after the earliest input, decided when that sample
 * falls due (by then every earliest input has arrived, whichever partition brought its input first). A jump in
 * event time of
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
  private long first = NONE;
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

  /** Takes an input's event time in; the samples it brings due are then read with {@link #nextDue}. */
  public void observe(long eventTime) {
    if (lastSample == NONE) {
      first = first == NONE ? eventTime : Math.min(first, eventTime);
    }
    newest = Math.max(newest, eventTime);
  }

  /**
   * The next sample that is due, marked as taken, or {@link Long#MIN_VALUE} when none is.
   *
   * @param complete the event time up to which every input has arrived ({@link Long#MAX_VALUE}: all of them, as
   *     when the stream stops); never taken beyond the newest input
   */
  public long nextDue(long complete) {
    if (newest == NONE) {
      return NONE;
    }
    long watermark = Math.min(newest, complete) - lateness;
    long next = lastSample == NONE ? sampleOf(first) : lastSample + step;
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

  /** The newest event time observed, or {@link Long#MIN_VALUE} before the first. */
  public long newest() {
    return newest;
  }

  /** The earliest input observed before the first sample, or {@link Long#MIN_VALUE} before any. */
  public long first() {
    return first;
  }

  /** Samples skipped by jumps in event time. */
  public long skipped() {
    return skipped;
  }
}
