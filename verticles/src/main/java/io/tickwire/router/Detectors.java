package io.tickwire.router;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Trade;
import io.tickwire.config.DetectSettings;
import io.tickwire.router.detect.ClockSkewDetector;
import io.tickwire.router.detect.DuplicateDetector;
import io.tickwire.router.detect.LatencyDetector;
import io.tickwire.router.detect.OrderDetector;
import io.tickwire.router.detect.OutlierDetector;
import io.tickwire.router.detect.SequenceGapDetector;
import io.tickwire.router.detect.StaleFeedDetector;
import io.tickwire.router.detect.SymbolState;
import io.tickwire.metrics.Metrics;
import io.tickwire.codecs.AnomalyTypes;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The router's detectors, in the order that matters: a duplicate is dropped before anything else sees it (it would
 * otherwise count as out of order and skew the outlier window); the others only observe. Counts every anomaly by
 * type. Each event's per-symbol state comes from {@link KnownSymbols}, found once for all the detectors. Confined to
 * the router's event loop.
 */
// Public, with its constructor and admit, for the bench module's RouterBenchmark, which measures admit alone.
public final class Detectors {
  /** What the router detects; schema drift is caught at the ingest, before an event exists. */
  static final List<String> TYPES = List.of(AnomalyTypes.DUPLICATE, AnomalyTypes.OUT_OF_ORDER,
      AnomalyTypes.SEQUENCE_GAP, AnomalyTypes.LATENCY_SPIKE, AnomalyTypes.OUTLIER_PRICE, AnomalyTypes.STALE_FEED,
      AnomalyTypes.CLOCK_SKEW);

  private final DuplicateDetector duplicates;
  private final OrderDetector order;
  private final SequenceGapDetector gaps;
  private final LatencyDetector latency;
  private final OutlierDetector outliers;
  private final StaleFeedDetector stale;
  private final ClockSkewDetector skew;
  private long newestEventTime;
  /** Fixed at construction, so a scrape from another thread never sees the map change shape. */
  private final Map<String, AtomicLong> counts = new TreeMap<>();

  /** @param maxFutureMicros {@code ingest.max_future_ms}, for the clock_skew anomaly's detail */
  public Detectors(DetectSettings settings, long maxFutureMicros) {
    this.skew = new ClockSkewDetector(maxFutureMicros);
    this.duplicates = new DuplicateDetector(settings.duplicateCapacity());
    this.order = new OrderDetector();
    this.gaps = new SequenceGapDetector();
    this.latency = new LatencyDetector(settings.latencyThresholdMs() * 1000, settings.latencyWindow());
    this.outliers = new OutlierDetector(settings.outlierK(), settings.outlierWindow());
    this.stale = new StaleFeedDetector(settings.staleAfterMs() * 1000);
    for (String type : TYPES) {
      counts.put(type, new AtomicLong());
    }
  }

  /**
   * Runs every detector over {@code event}, which arrived at {@code nowMicros} (wall clock), with its symbol's
   * {@code state}, adding anomalies to {@code out}; false when the event must be dropped.
   */
  public boolean admit(MarketEvent event, SymbolState state, long nowMicros, List<Anomaly> out) {
    if (event instanceof FeedGap) {
      return true; // a marker, not market data: its time is the connector's, so order and latency do not apply
    }
    int before = out.size();
    boolean keep = !(event instanceof Trade trade) || !duplicates.isDuplicate(trade, out);
    stale.seen(event, state, nowMicros);
    skew.observe(event);
    newestEventTime = Math.max(newestEventTime, event.eventTime());
    if (keep) {
      order.isOutOfOrder(event, state, out);
      latency.record(event, out);
      if (event instanceof Trade trade) {
        gaps.check(trade, state, out);
        outliers.isOutlier(trade, state, out);
      }
    }
    count(out, before);
    return keep;
  }

  /** The stream is ending: reports the sequence gaps still waiting out their reorder window. */
  void flush(Collection<SymbolState> states, List<Anomaly> out) {
    int before = out.size();
    gaps.flush(states, newestEventTime, out); // event time, so a replay's flush-time gaps are reproducible too
    count(out, before);
  }

  /** Adds the clock_skew anomaly of an event refused for being stamped too far ahead of {@code nowMicros}. */
  void clockSkew(MarketEvent event, long nowMicros, List<Anomaly> out) {
    int before = out.size();
    skew.refused(event, nowMicros, out);
    count(out, before);
  }

  /** Each venue's clock-skew estimate in microseconds ({@link ClockSkewDetector}). */
  Map<String, Long> clockSkewMicros() {
    return skew.estimatesMicros();
  }

  /** Adds a stale_feed anomaly for each symbol silent for too long at {@code nowMicros}. */
  void checkStale(Collection<SymbolState> states, long nowMicros, List<Anomaly> out) {
    int before = out.size();
    stale.check(states, nowMicros, out);
    count(out, before);
  }

  private void count(List<Anomaly> out, int from) {
    for (int i = from; i < out.size(); i++) {
      counts.get(out.get(i).type()).incrementAndGet();
    }
  }

  /** Anomalies seen so far, by type (the types this class detects, zeros included). */
  Map<String, Long> counts() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((type, n) -> copy.put(type, n.get()));
    return copy;
  }

  /** Exposes each type's count as {@code tickwire_anomalies_total{type}}. */
  void register(Metrics metrics) {
    counts.forEach((type, n) -> metrics.anomalies(type, n::get));
  }
}
