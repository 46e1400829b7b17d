package io.tickwire.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.DoubleSupplier;
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
  /** Events the router validated, sequenced and sent on to the partitions. */
  public static final String ROUTED = "tickwire.routed.events";
  /** The dashboard WebSocket: messages a client never got (label {@code stream}), and clients connected. */
  public static final String DASHBOARD_DROPPED = "tickwire.dashboard.dropped";
  public static final String DASHBOARD_CLIENTS = "tickwire.dashboard.clients";
  /** Per exchange connector, label {@code connector}: state, traffic and the ways a feed goes wrong. */
  public static final String CONNECTOR_UP = "tickwire.connector.up";
  public static final String CONNECTOR_FRAMES = "tickwire.connector.frames";
  public static final String CONNECTOR_RECONNECTS = "tickwire.connector.reconnects";
  public static final String CONNECTOR_RESYNCS = "tickwire.connector.resyncs";
  public static final String CONNECTOR_GAPS = "tickwire.connector.gaps";
  public static final String CONNECTOR_CHECKSUM_FAILURES = "tickwire.connector.checksum.failures";
  public static final String CONNECTOR_PARSE_ERRORS = "tickwire.connector.parse.errors";
  public static final String CONNECTOR_DROPPED = "tickwire.connector.dropped";
  public static final String CONNECTOR_LAST_MESSAGE_AGE = "tickwire.connector.last.message.age.seconds";

  /** Signals fired, label {@code name} (the rule's or the model's; bounded by the rules table). */
  public static final String SIGNALS = "tickwire.signals";
  /** Cluster: members this node sees, and partitions this compute node owns. */
  public static final String CLUSTER_MEMBERS = "tickwire.cluster.members";
  public static final String PARTITIONS_OWNED = "tickwire.partitions.owned";

  /** Periodic reconciliation: bars found drifted (counter), and the drifted share of the last minute (gauge). */
  public static final String BAR_DRIFT = "tickwire.bar.drift";
  public static final String BAR_DRIFT_RATIO = "tickwire.bar.drift.ratio";

  private final PrometheusMeterRegistry registry = jvm(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  /** Micrometer holds a function counter's state weakly; the suppliers are often lambdas nobody else holds. */
  private final List<Object> held = new CopyOnWriteArrayList<>();
  private final Map<String, List<LongSupplier>> anomalySources = new ConcurrentHashMap<>();
  private final List<LongSupplier> routedSources = new CopyOnWriteArrayList<>();
  private final Map<String, Counter> signalCounters = new ConcurrentHashMap<>();

  public MeterRegistry registry() {
    return registry;
  }

  /**
   * The JVM's memory, threads and class loading, read at scrape time. Not GC pauses (that binder adds a GC listener
   * per registry that is never removed, and a registry is made per node, many per test run) and not Micrometer's
   * processor binder (its {@code process_cpu_time_ns_total} and {@code system_cpu_count} fail promtool's lint).
   */
  private static PrometheusMeterRegistry jvm(PrometheusMeterRegistry registry) {
    VertxMeters.boundAddresses(registry); // first: a filter applies to the meters registered after it
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    return registry;
  }

  /** One more signal named {@code name}; the counter is registered once per name, then only looked up. */
  public void signalFired(String name) {
    signalCounters.computeIfAbsent(name, n -> Counter.builder(SIGNALS)
        .description("Signals fired, by rule or model name").tag("name", n).register(registry)).increment();
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

  /** Adds {@code count} to {@code tickwire_routed_events_total} (one router per node; summed should there be more). */
  public synchronized void routed(LongSupplier count) {
    if (routedSources.isEmpty()) {
      counter(ROUTED, "Events validated and routed to the partitions", () -> sum(routedSources));
    }
    routedSources.add(count);
  }

  /** Events routed on this node so far, read now (not at the last scrape): the dashboard's events/s. */
  public long routedEvents() {
    return sum(routedSources);
  }

  /** {@code tickwire_incidents_total}: incident bundles written. */
  public void incidents(LongSupplier count) {
    counter(INCIDENTS, "Incident bundles written by the flight recorder", count);
  }

  /** A counter read from {@code count} at scrape time; {@code tags} are label name, value pairs. */
  public void counter(String name, String help, LongSupplier count, String... tags) {
    held.add(count);
    FunctionCounter.builder(name, count, c -> (double) c.getAsLong()).description(help).tags(tags)
        .register(registry);
  }

  /** A gauge read from {@code value} at scrape time; {@code tags} are label name, value pairs. */
  public void gauge(String name, String help, DoubleSupplier value, String... tags) {
    held.add(value);
    Gauge.builder(name, value, DoubleSupplier::getAsDouble).description(help).tags(tags).register(registry);
  }
}
