package io.tickwire.jobs.reconcile;

import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields reconciliation compares: open, high, low, close, volume and the trade count. */
public record BarValues(double open, double high, double low, double close, double volume, long trades) {

  /** Each field by name, in report order. */
  public Map<String, Double> fields() {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put("open", open);
    out.put("high", high);
    out.put("low", low);
    out.put("close", close);
    out.put("volume", volume);
    out.put("trades", (double) trades);
    return out;
  }

  JsonObject toJson() {
    return new JsonObject().put("open", open).put("high", high).put("low", low).put("close", close)
        .put("volume", volume).put("trades", trades);
  }
}
