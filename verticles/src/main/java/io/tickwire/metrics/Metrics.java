package io.tickwire.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * A node's metrics, scraped as Prometheus text on {@code /metrics}. Meter names are defined here once, in
 * Micrometer's dotted form; the Prometheus naming convention turns {@code tickwire.anomalies} into
 * {@code tickwire_anomalies_total}.
 *
 * <p>Counters on hot paths are function counters: the stage keeps its own count (it already does, for health)
 * and the registry reads it at scrape time, so counting costs nothing extra per event.
 */
public final class Metrics {
  public static final String ANOMALIES = "tickwire.anomalies";
  public static final String INCIDENTS = "tickwire.incidents";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  /** Micrometer holds a function counter's state weakly; the suppliers are often lambdas nobody else holds. */
  private final List<Object> held = new CopyOnWriteArrayList<>();
  private final Map<String, List<LongSupplier>> anomalySources = new ConcurrentHashMap<>();

  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  /**
   * Adds {@code count} to {@code tickwire_anomalies_total{type}}. Several stage instances may detect one type (each
   * batcher finds crossed books in its partitions): the meter is registered once per type and sums them all.
   */
  public void anomalies(String type, LongSupplier count) {
    anomalySources.computeIfAbsent(type, t -> {
      List<LongSupplier> sources = new CopyOnWriteArrayList<>();
      counter(ANOMALIES, "Anomalies detected, by type (every one, not only the sampled ones published)",
          () -> sum(sources), "type", t);
      return sources;
    }).add(count);
  }

  private static long sum(List<LongSupplier> sources) {
    long total = 0;
    for (LongSupplier source : sources) {
      total += source.getAsLong();
    }
    return total;
  }

  /** {@code tickwire_incidents_total}: incident bundles written. */
  public void incidents(LongSupplier count) {
    counter(INCIDENTS, "Incident bundles written by the flight recorder", count);
  }

  private void counter(String name, String help, LongSupplier count, String... tags) {
    held.add(count);
    FunctionCounter.builder(name, count, c -> (double) c.getAsLong()).description(help).tags(tags)
        .register(registry);
  }
}
