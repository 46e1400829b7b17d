package io.tickwire.replay;

import io.tickwire.codecs.AnomalyTypes;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The faults {@link ChaosInjector} put into a stream, as the counts tickwire's detectors must report for it.
 *
 * @param duplicates trades sent twice; each is exactly one {@code duplicate}
 * @param driftByKind drifted lines by how they drifted; each is one refused frame (one {@code schema_drift})
 * @param gapEpisodes runs of trades the router never sees (dropped, or drifted and so refused at the ingest);
 *     each is exactly one {@code sequence_gap} when there is no shuffle (see {@link GapEpisodes})
 * @param droppedLines trades dropped to make the gaps
 * @param outOfOrder events that went out older than the newest before them for their symbol, whatever caused it;
 *     each is one {@code out_of_order}
 */
public record Injected(long duplicates, Map<DriftKind, Long> driftByKind, long gapEpisodes, long droppedLines,
    long outOfOrder) {
  public Injected {
    EnumMap<DriftKind, Long> all = new EnumMap<>(DriftKind.class);
    for (DriftKind kind : DriftKind.values()) {
      all.put(kind, driftByKind.getOrDefault(kind, 0L));
    }
    driftByKind = Collections.unmodifiableMap(all);
  }

  /** Every drifted line, whatever its kind. */
  public long drift() {
    return driftByKind.values().stream().mapToLong(Long::longValue).sum();
  }

  public long drift(DriftKind kind) {
    return driftByKind.get(kind);
  }

  /** The counts keyed by the anomaly type each should produce, plus the detail behind them. */
  public JsonObject toJson() {
    JsonObject byKind = new JsonObject();
    driftByKind.forEach((kind, n) -> byKind.put(kind.label(), n));
    return new JsonObject()
        .put(AnomalyTypes.DUPLICATE, duplicates)
        .put(AnomalyTypes.SCHEMA_DRIFT, drift())
        .put("schema_drift_by_kind", byKind)
        .put(AnomalyTypes.SEQUENCE_GAP, gapEpisodes)
        .put("dropped", droppedLines)
        .put(AnomalyTypes.OUT_OF_ORDER, outOfOrder);
  }

  /** One line for people, e.g. {@code duplicate=12 schema_drift=7 (added_key=2 ...) sequence_gap=3 ...}. */
  public String toText() {
    StringBuilder byKind = new StringBuilder();
    driftByKind.forEach((kind, n) -> byKind.append(byKind.length() == 0 ? "" : " ").append(kind.label())
        .append('=').append(n));
    return AnomalyTypes.DUPLICATE + "=" + duplicates + " " + AnomalyTypes.SCHEMA_DRIFT + "=" + drift() + " ("
        + byKind + ") " + AnomalyTypes.SEQUENCE_GAP + "=" + gapEpisodes + " (" + droppedLines + " trades dropped) "
        + AnomalyTypes.OUT_OF_ORDER + "=" + outOfOrder;
  }
}
