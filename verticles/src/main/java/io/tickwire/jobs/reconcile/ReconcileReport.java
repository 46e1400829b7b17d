package io.tickwire.jobs.reconcile;

import io.tickwire.codecs.IsoTime;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The outcome of comparing recomputed bars with stored real-time bars over {@code [from, to)}: matched (within
 * the threshold on every field), missing (trades say there is a bar, none is stored), extra (a bar is stored but no
 * stored trade falls in its window) and drifted (beyond the threshold on some field). Every key is classified; the
 * lists keep all of them, the report shows a sample.
 */
public record ReconcileReport(long fromMicros, long toMicros, double threshold, long matched, List<BarKey> missing,
    List<BarKey> extra, List<Drift> drifted) {

  /** Every bar that did not reconcile: missing, extra and drifted. */
  public List<BarKey> unreconciled() {
    List<BarKey> out = new ArrayList<>(missing);
    out.addAll(extra);
    drifted.forEach(d -> out.add(d.key()));
    return out;
  }

  /** Classifies every key of either side. */
  public static ReconcileReport compare(long fromMicros, long toMicros, double threshold,
      Map<BarKey, BarValues> recomputed, Map<BarKey, BarValues> stored) {
    long matched = 0;
    List<BarKey> missing = new ArrayList<>();
    List<Drift> drifted = new ArrayList<>();
    for (Map.Entry<BarKey, BarValues> e : recomputed.entrySet()) {
      BarValues real = stored.get(e.getKey());
      if (real == null) {
        missing.add(e.getKey());
        continue;
      }
      Drift drift = Drift.of(e.getKey(), real, e.getValue());
      if (drift.largest() > threshold) {
        drifted.add(drift);
      } else {
        matched++;
      }
    }
    List<BarKey> extra = stored.keySet().stream().filter(k -> !recomputed.containsKey(k)).toList();
    return new ReconcileReport(fromMicros, toMicros, threshold, matched, missing, extra, drifted);
  }

  /** Bars compared: every key on either side. */
  public long total() {
    return matched + missing.size() + extra.size() + drifted.size();
  }

  /** Drifted, missing and extra bars as a share of all bars compared (0 when there were none). */
  public double driftRatio() {
    long total = total();
    return total == 0 ? 0 : (double) (drifted.size() + missing.size() + extra.size()) / total;
  }

  public boolean clean() {
    return missing.isEmpty() && extra.isEmpty() && drifted.isEmpty();
  }

  /** One JSON object: counts under {@code matched}, {@code missing}, {@code extra}, {@code drifted}, and samples. */
  public JsonObject toJson(int samples) {
    return new JsonObject().put("from", IsoTime.format(fromMicros)).put("to", IsoTime.format(toMicros))
        .put("threshold", threshold).put("matched", matched).put("missing", missing.size())
        .put("extra", extra.size()).put("drifted", drifted.size())
        .put("samples", new JsonObject()
            .put("missing", keys(missing, samples))
            .put("extra", keys(extra, samples))
            .put("drifted", new JsonArray(drifted.stream().limit(samples).map(Drift::toJson).toList())));
  }

  private static JsonArray keys(List<BarKey> keys, int samples) {
    return new JsonArray(keys.stream().limit(samples).map(BarKey::toJson).toList());
  }

  /** A short human report: the counts, then a sample of each kind. */
  public String toText(int samples) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "reconcile %s .. %s (threshold %.2f%%)%n", IsoTime.format(fromMicros),
        IsoTime.format(toMicros), threshold * 100));
    out.append(String.format(Locale.ROOT, "matched %d | missing %d | extra %d | drifted %d%n", matched,
        missing.size(), extra.size(), drifted.size()));
    missing.stream().limit(samples).forEach(k -> out.append("missing  ").append(k).append('\n'));
    extra.stream().limit(samples).forEach(k -> out.append("extra    ").append(k).append('\n'));
    drifted.stream().limit(samples).forEach(d -> out.append("drifted  ").append(d.describe()).append('\n'));
    return out.toString();
  }
}
