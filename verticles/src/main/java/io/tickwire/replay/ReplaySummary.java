package io.tickwire.replay;

import io.tickwire.codecs.AnomalyTypes;
import io.vertx.core.json.JsonObject;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a local replay did, as {@code tickwire replay --local --summary json} prints it. Every known anomaly type is
 * present (0 when none was seen), sorted by name, so two summaries compare as text.
 *
 * @param processed events the pipeline took in
 * @param bars bars emitted
 * @param anomalies anomalies counted, by type
 * @param incidents incident bundles written
 * @param dlq frames and events rejected to the dead-letter path
 */
public record ReplaySummary(long processed, long bars, Map<String, Long> anomalies, long incidents, long dlq) {
  public ReplaySummary {
    TreeMap<String, Long> all = new TreeMap<>();
    AnomalyTypes.ALL.forEach(type -> all.put(type, 0L));
    all.putAll(anomalies);
    anomalies = Collections.unmodifiableMap(all);
  }

  /** One line: {@code {"processed":N,"bars":N,"anomalies":{...},"incidents":n,"dlq":n}}. */
  public String toJson() {
    JsonObject byType = new JsonObject();
    anomalies.forEach(byType::put);
    return new JsonObject().put("processed", processed).put("bars", bars).put("anomalies", byType)
        .put("incidents", incidents).put("dlq", dlq).encode();
  }

  /** One line for people. */
  public String toText() {
    StringBuilder byType = new StringBuilder();
    anomalies.forEach((type, n) -> byType.append(' ').append(type).append('=').append(n));
    return "processed=" + processed + " bars=" + bars + " anomalies:" + byType + " incidents=" + incidents
        + " dlq=" + dlq;
  }
}
