package io.tickwire.jobs.reconcile;

import io.vertx.core.json.JsonObject;
import java.util.Map;

/**
 * A bar whose stored (real-time) values differ from the recomputed ones: every field's relative difference,
 * {@code |stored - recomputed| / max(|stored|, |recomputed|)} (0 when both are 0), and the largest.
 */
public record Drift(BarKey key, BarValues stored, BarValues recomputed, Map<String, Double> relative) {

  static Drift of(BarKey key, BarValues stored, BarValues recomputed) {
    Map<String, Double> relative = new java.util.LinkedHashMap<>();
    Map<String, Double> s = stored.fields();
    Map<String, Double> r = recomputed.fields();
    s.forEach((field, value) -> relative.put(field, relativeDifference(value, r.get(field))));
    return new Drift(key, stored, recomputed, relative);
  }

  static double relativeDifference(double a, double b) {
    double scale = Math.max(Math.abs(a), Math.abs(b));
    return scale == 0 ? 0 : Math.abs(a - b) / scale;
  }

  public double largest() {
    return relative.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
  }

  /** The field that differs most. */
  public String worstField() {
    return relative.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse("open");
  }

  JsonObject toJson() {
    JsonObject fields = new JsonObject();
    relative.forEach((field, diff) -> {
      if (diff > 0) {
        fields.put(field, new JsonObject().put("stored", stored.fields().get(field))
            .put("recomputed", recomputed.fields().get(field)).put("relative", diff));
      }
    });
    return key.toJson().put("max_relative", largest()).put("fields", fields);
  }

  /** One line for logs and anomaly details. */
  public String describe() {
    String field = worstField();
    return String.format(java.util.Locale.ROOT, "%s: %s stored %s, recomputed from trades %s (%.4f%%)", key, field,
        stored.fields().get(field), recomputed.fields().get(field), relative.get(field) * 100);
  }
}
