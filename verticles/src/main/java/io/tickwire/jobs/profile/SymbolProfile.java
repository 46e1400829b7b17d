package io.tickwire.jobs.profile;

import io.tickwire.codecs.IsoTime;
import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.TreeMap;

/**
 * The data quality of one (venue, symbol) over a range: trade count and span; gaps (consecutive trades further
 * apart than 500 ms, 5 s, 30 s) and the longest; price outliers; duplicates (same time, price, size and side under
 * another trade id); late trades (behind the newest earlier-received trade by more than the allowed lateness); and
 * the stored anomalies by type (sampled at {@code detect.anomaly_samples_per_sec}).
 */
public final class SymbolProfile {
  final String venue;
  final String symbol;
  long trades;
  long firstMicros;
  long lastMicros;
  long gaps500ms;
  long gaps5s;
  long gaps30s;
  double longestGapMs;
  long outliers;
  long duplicates;
  long late;
  final Map<String, Long> anomalies = new TreeMap<>();

  SymbolProfile(String venue, String symbol) {
    this.venue = venue;
    this.symbol = symbol;
  }

  public String venue() {
    return venue;
  }

  public String symbol() {
    return symbol;
  }

  public long trades() {
    return trades;
  }

  public long gaps500ms() {
    return gaps500ms;
  }

  public long gaps5s() {
    return gaps5s;
  }

  public long gaps30s() {
    return gaps30s;
  }

  public long duplicates() {
    return duplicates;
  }

  public long outliers() {
    return outliers;
  }

  public long late() {
    return late;
  }

  public Map<String, Long> anomalies() {
    return anomalies;
  }

  JsonObject toJson() {
    return new JsonObject().put("venue", venue).put("symbol", symbol).put("trades", trades)
        .put("first", trades == 0 ? null : IsoTime.format(firstMicros))
        .put("last", trades == 0 ? null : IsoTime.format(lastMicros))
        .put("gaps", new JsonObject().put("500ms", gaps500ms).put("5s", gaps5s).put("30s", gaps30s)
            .put("longest_ms", longestGapMs))
        .put("outliers", outliers).put("duplicates", duplicates).put("late", late)
        .put("anomalies", new JsonObject(new java.util.LinkedHashMap<>(anomalies)));
  }
}
