package io.tickwire.connector;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyBatch;
import io.tickwire.flow.Clock;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.PerSecondSampler;
import io.tickwire.codecs.AnomalyTypes;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Frames whose shape moved away from the v1 contract (an unknown key, a missing key, a changed type): counted per
 * (venue, symbol), and at most {@code samplesPerSecond} a second published as {@code schema_drift} anomalies with
 * the start of the frame as evidence. The frame itself goes to the dead-letter path like any rejected frame.
 *
 * <p>Why here and not in the router: a drifted frame never becomes an event, so only the ingest ever sees it.
 */
public final class SchemaDrift {
  /** Per-key counts are for health and reports; a producer spraying random symbols must not grow this. */
  private static final int MAX_KEYS = 1_000;

  private final Outlet<AnomalyBatch> anomalies;
  private final PerSecondSampler sampler;
  private final Map<String, Long> bySource = new TreeMap<>();
  private final AtomicLong total = new AtomicLong();

  public SchemaDrift(Outlet<AnomalyBatch> anomalies, int samplesPerSecond) {
    this.anomalies = anomalies;
    this.sampler = new PerSecondSampler(samplesPerSecond);
  }

  /** Counts one drifted frame; {@code venue} and {@code symbol} may be null when the frame did not say. */
  void report(String venue, String symbol, String reason, byte[] frame, int offset, int length) {
    report(venue, symbol, reason, TcpDeadLetters.prefix(frame, offset, length));
  }

  /** Counts one drifted frame whose start is {@code evidence} (kept short by the caller). */
  public void report(String venue, String symbol, String reason, String evidence) {
    total.incrementAndGet();
    String key = nonNull(venue) + "/" + nonNull(symbol);
    if (bySource.size() < MAX_KEYS || bySource.containsKey(key)) {
      bySource.merge(key, 1L, Long::sum);
    }
    if (sampler.admit()) {
      anomalies.send(new AnomalyBatch(List.of(new Anomaly(nonNull(venue), nonNull(symbol),
          AnomalyTypes.SCHEMA_DRIFT, Clock.nowMicros(), reason + "; frame: " + shortened(evidence),
          Double.NaN))));
    }
  }

  public long total() {
    return total.get();
  }

  /** Drifted frames by {@code venue/symbol} (empty parts when the frame did not name them). */
  Map<String, Long> bySource() {
    return Map.copyOf(bySource);
  }

  private static String shortened(String evidence) {
    return evidence.length() <= TcpDeadLetters.PREFIX_CHARS ? evidence
        : evidence.substring(0, TcpDeadLetters.PREFIX_CHARS);
  }

  private static String nonNull(String text) {
    return text == null ? "" : text;
  }
}
