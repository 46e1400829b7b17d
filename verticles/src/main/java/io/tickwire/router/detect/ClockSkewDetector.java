package io.tickwire.router.detect;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.MarketEvent;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Guards event time against clocks that run ahead, and estimates each venue's clock skew.
 *
 * <p>An event stamped more than {@code maxFutureMicros} ahead of this node's clock is refused: one such event
 * would move its partition's watermark hours ahead, and every good trade after it would then be dropped as late.
 * A venue's clock glitch and a producer writing local time as UTC both look like this. Each refusal is a
 * {@code clock_skew} anomaly whose measure is how far ahead the event was, in milliseconds.
 *
 * <p>The skew estimate of a venue is the smallest {@code ingest time - event time} over its last {@link #BLOCK}
 * events: the fastest delivery carries the least network and queueing delay, so what remains is mostly the
 * difference between the two clocks (negative when the venue's clock is ahead of ours). Only the first
 * {@link #MAX_VENUES} venues get an estimate of their own, so producers inventing venues cannot grow it.
 */
public final class ClockSkewDetector {
  public static final int MAX_VENUES = 32;
  static final int BLOCK = 1024;

  private final long maxFutureMicros;
  private final Map<String, VenueSkew> byVenue = new LinkedHashMap<>();
  /** The published estimates, read by /health and /metrics from other threads. */
  private final Map<String, Long> estimates = new ConcurrentHashMap<>();

  public ClockSkewDetector(long maxFutureMicros) {
    if (maxFutureMicros < 0) {
      throw new IllegalArgumentException("maxFutureMicros must not be negative: " + maxFutureMicros);
    }
    this.maxFutureMicros = maxFutureMicros;
  }

  /** Adds the anomaly for {@code event}, refused because it was too far ahead of {@code nowMicros}. */
  public void refused(MarketEvent event, long nowMicros, List<Anomaly> out) {
    double aheadMs = (event.eventTime() - nowMicros) / 1000.0;
    out.add(new Anomaly(event.venue(), event.symbol(), AnomalyTypes.CLOCK_SKEW, nowMicros,
        "event time " + IsoTime.format(event.eventTime()) + " is " + aheadMs + " ms ahead of this node's clock"
            + " (at most " + maxFutureMicros / 1000 + " ms allowed: ingest.max_future_ms); refused",
        aheadMs));
  }

  /** Folds an accepted event into its venue's estimate; events without an ingest time say nothing of it. */
  public void observe(MarketEvent event) {
    if (event.ingestTime() == 0) {
      return;
    }
    VenueSkew skew = byVenue.get(event.venue());
    if (skew == null) {
      if (byVenue.size() >= MAX_VENUES) {
        return;
      }
      skew = new VenueSkew();
      byVenue.put(event.venue(), skew);
    }
    if (skew.add(event.ingestTime() - event.eventTime())) {
      estimates.put(event.venue(), skew.estimate);
    }
  }

  /** Each venue's estimate in microseconds ({@code ingest - event}), once a block of its events has been seen. */
  public Map<String, Long> estimatesMicros() {
    return Collections.unmodifiableMap(estimates);
  }

  /**
   * The running minimum of one block, published when the block is full; until the first block is, the minimum so
   * far, so a quiet venue has an estimate from its first event.
   */
  private static final class VenueSkew {
    long min = Long.MAX_VALUE;
    int seen;
    boolean blockDone;
    long estimate;

    /** True when the published estimate changed. */
    boolean add(long skew) {
      min = Math.min(min, skew);
      if (++seen >= BLOCK) {
        estimate = min;
        min = Long.MAX_VALUE;
        seen = 0;
        blockDone = true;
        return true;
      }
      if (!blockDone && min != estimate) {
        estimate = min;
        return true;
      }
      return false;
    }
  }
}
