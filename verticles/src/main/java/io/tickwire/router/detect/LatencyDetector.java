package io.tickwire.router.detect;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.flow.LruMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Watches per-venue feed latency ({@code ingestTime - eventTime}) and raises a {@code latency_spike} when the p99
 * over the last {@code window} events exceeds the threshold; the measure is that p99 in milliseconds.
 *
 * <p>Why this shape: p99, not the mean, because a feed that is late for a few percent of events is already
 * hurting bars while its mean looks fine. Each venue has one HdrHistogram (fixed size, no per-event allocation)
 * that is judged and then reset every {@code window} events, so the view is the last {@code window} events,
 * memory is constant, the p99 scan happens once per window rather than per event, and a spike is reported at
 * most once per window. Events without an ingest time (0) are not counted. Negative latencies (clock skew) count
 * as 0 and latencies above an hour are clamped to an hour. Venues are bounded by LRU ({@link #MAX_VENUES}).
 */
public final class LatencyDetector {
  public static final int MAX_VENUES = 256;
  static final long MAX_TRACKED_MICROS = 3_600_000_000L;
  private static final int SIGNIFICANT_DIGITS = 2;

  private final long thresholdMicros;
  private final int window;
  private final Map<String, Histogram> byVenue = new LruMap<>(MAX_VENUES);

  public LatencyDetector(long thresholdMicros, int window) {
    if (thresholdMicros < 0) {
      throw new IllegalArgumentException("thresholdMicros must not be negative: " + thresholdMicros);
    }
    if (window < 1) {
      throw new IllegalArgumentException("window must be positive: " + window);
    }
    this.thresholdMicros = thresholdMicros;
    this.window = window;
  }

  /** Records the event's latency; true (and one anomaly added to {@code out}) when it closes a window whose p99 is too high. */
  public boolean record(MarketEvent event, List<Anomaly> out) {
    if (event.ingestTime() == 0) {
      return false;
    }
    Histogram histogram = byVenue.computeIfAbsent(event.venue(),
        v -> new Histogram(MAX_TRACKED_MICROS, SIGNIFICANT_DIGITS));
    long latency = Math.min(Math.max(event.ingestTime() - event.eventTime(), 0), MAX_TRACKED_MICROS);
    histogram.recordValue(latency);
    if (histogram.getTotalCount() < window) {
      return false;
    }
    long p99 = histogram.getValueAtPercentile(99.0);
    histogram.reset();
    if (p99 <= thresholdMicros) {
      return false;
    }
    double p99Ms = p99 / 1000.0;
    out.add(new Anomaly(event.venue(), event.symbol(), AnomalyTypes.LATENCY_SPIKE, event.eventTime(),
        "p99 ingest latency " + p99Ms + " ms over the last " + window + " events on " + event.venue()
            + " exceeds " + thresholdMicros / 1000.0 + " ms",
        p99Ms));
    return true;
  }
}
