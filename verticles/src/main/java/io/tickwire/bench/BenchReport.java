package io.tickwire.bench;

import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The figures of one bench run. {@link #toJson()} names every figure in snake_case with its unit, for scripts;
 * {@link #toText()} is for people.
 */
public record BenchReport(
    BenchOptions options,
    int cores,
    String java,
    double maxHeapMb,
    long allowedLatenessMs,
    double measuredSeconds,
    long events,
    long bars,
    long signals,
    Histogram barLatencyMicros,
    Histogram signalLatencyMicros,
    double heapUsedMb,
    double heapAfterGcMb,
    double rssMb,
    double peakRssMb,
    long gcTimeMs,
    long gcCount,
    Map<String, Long> dropped,
    long deadLetteredBatches,
    long rejectedEvents,
    Map<String, Double> lagAtEndSeconds,
    Map<String, SinkWrites> sinkWrites) {

  /**
   * One table's PostgreSQL statements committed in the measured interval: how many, their rows, and their mean time
   * from sending to commit ({@code tickwire_store_write_seconds}).
   */
  public record SinkWrites(long statements, long rows, double meanMs) {
    JsonObject toJson() {
      return new JsonObject().put("statements", statements).put("rows", rows)
          .put("rows_per_statement", statements == 0 ? null : rows / statements)
          .put("mean_statement_ms", statements == 0 ? null : round(meanMs));
    }
  }

  public double eventsPerSec() {
    return events / measuredSeconds;
  }

  public JsonObject toJson() {
    JsonObject json = new JsonObject()
        .put("rate", options.maxRate() ? "max" : Long.toString(options.ratePerSec()))
        .put("duration_s", options.durationMs() / 1000.0)
        .put("warmup_s", options.warmupMs() / 1000.0)
        .put("symbols", options.symbols())
        .put("rules", BenchRules.COUNT)
        .put("persist_trades", options.persistTrades())
        .put("cluster", options.cluster())
        .put("cores", cores)
        .put("java", java)
        .put("max_heap_mb", round(maxHeapMb))
        .put("allowed_lateness_ms", allowedLatenessMs)
        .put("measured_s", round(measuredSeconds))
        .put("events", events)
        .put("events_per_sec", Math.round(eventsPerSec()))
        .put("bars", bars)
        .put("signals", signals);
    latency(json, "bar", barLatencyMicros);
    latency(json, "signal", signalLatencyMicros);
    return json
        .put("heap_used_mb", round(heapUsedMb))
        .put("heap_after_gc_mb", round(heapAfterGcMb))
        .put("rss_mb", round(rssMb))
        .put("peak_rss_mb", round(peakRssMb))
        .put("gc_time_ms", gcTimeMs)
        .put("gc_count", gcCount)
        .put("dropped", new JsonObject(new TreeMap<>(dropped)))
        .put("dead_lettered_batches", deadLetteredBatches)
        .put("rejected_events", rejectedEvents)
        .put("lag_at_end_s", new JsonObject(new TreeMap<>(lagAtEndSeconds)))
        .put("sink", sinkJson());
  }

  private JsonObject sinkJson() {
    JsonObject out = new JsonObject();
    new TreeMap<>(sinkWrites).forEach((table, w) -> out.put(table, w.toJson()));
    return out;
  }

  private static void latency(JsonObject json, String what, Histogram micros) {
    json.put("p50_" + what + "_latency_ms", percentileMs(micros, 50))
        .put("p99_" + what + "_latency_ms", percentileMs(micros, 99))
        .put("p999_" + what + "_latency_ms", percentileMs(micros, 99.9))
        .put("max_" + what + "_latency_ms", micros.getTotalCount() == 0 ? null : micros.getMaxValue() / 1000.0);
  }

  /** Null when nothing was measured: a figure of 0 would read as "instant". */
  private static Double percentileMs(Histogram micros, double percentile) {
    return micros.getTotalCount() == 0 ? null : micros.getValueAtPercentile(percentile) / 1000.0;
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  public String toText() {
    StringBuilder out = new StringBuilder();
    line(out, "pipeline", String.format(Locale.ROOT, "%s, rate %s, %d symbols, %d rules, trades %s",
        options.cluster() ? "two clustered nodes in one JVM" : "one node",
        options.maxRate() ? "max" : String.format(Locale.ROOT, "%,d/s", options.ratePerSec()), options.symbols(),
        BenchRules.COUNT, options.persistTrades() ? "persisted" : "not persisted"));
    line(out, "machine", String.format(Locale.ROOT, "%d cores, Java %s, max heap %.0f MB", cores, java, maxHeapMb));
    line(out, "measured", String.format(Locale.ROOT, "%.1f s after a %.1f s warm-up", measuredSeconds,
        options.warmupMs() / 1000.0));
    line(out, "throughput", String.format(Locale.ROOT, "%,.0f events/s (%,d events, %,d bars, %,d signals)",
        eventsPerSec(), events, bars, signals));
    line(out, "bar latency", latencyText(barLatencyMicros) + String.format(Locale.ROOT,
        " (window end to bar; allowed lateness %d ms)", allowedLatenessMs));
    line(out, "signal latency", latencyText(signalLatencyMicros) + " (window end to signal)");
    line(out, "memory", String.format(Locale.ROOT, "heap used max %.0f MB, after GC max %.0f MB, RSS %.0f MB"
        + " (peak %.0f MB)", heapUsedMb, heapAfterGcMb, rssMb, peakRssMb));
    line(out, "gc", String.format(Locale.ROOT, "%d ms in %d collections (%.1f%% of the run)", gcTimeMs, gcCount,
        100.0 * gcTimeMs / (measuredSeconds * 1000)));
    line(out, "losses", String.format(Locale.ROOT, "dropped %s, dead-lettered batches %d, rejected events %d",
        dropped.isEmpty() ? "none" : new TreeMap<>(dropped).toString(), deadLetteredBatches, rejectedEvents));
    line(out, "lag at end", new TreeMap<>(lagAtEndSeconds).toString());
    new TreeMap<>(sinkWrites).forEach((table, w) -> line(out, "sink " + table, String.format(Locale.ROOT,
        "%,d statements, %,d rows, mean %.1f ms a statement", w.statements(), w.rows(), w.meanMs())));
    return out.toString();
  }

  private static String latencyText(Histogram micros) {
    if (micros.getTotalCount() == 0) {
      return "none measured";
    }
    return String.format(Locale.ROOT, "p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms (%,d)",
        micros.getValueAtPercentile(50) / 1000.0, micros.getValueAtPercentile(99) / 1000.0,
        micros.getValueAtPercentile(99.9) / 1000.0, micros.getMaxValue() / 1000.0, micros.getTotalCount());
  }

  private static void line(StringBuilder out, String label, String value) {
    out.append(String.format(Locale.ROOT, "%-15s %s%n", label + ":", value));
  }
}
