package io.tickwire.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickwire.flow.LinkMeters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import java.util.stream.DoubleStream;

/**
 * A node's metrics, scraped as Prometheus text on {@code /metrics}. Meter names are defined here once, in
 * Micrometer's dotted form; the Prometheus naming convention turns {@code tickwire.anomalies} into
 * {@code tickwire_anomalies_total}.
 *
 * <p>Counters on hot paths are function counters: the stage keeps its own count (it already does, for health)
 * and the registry reads it at scrape time, so counting costs nothing extra per event.
 */
public final class Metrics implements LinkMeters {
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
  /** {@code tickwire_coverage_ratio{venue,channel}}: the completeness ledger's recent covered share. */
  public static final String COVERAGE_RATIO = "tickwire.coverage.ratio";

  /**
   * Keys dropped from a bounded per-key structure (least recently used, or idle), label {@code state}: which one
   * (router_symbols, batcher_windows, books, features, ...). See docs/BOUNDED-STATE.md.
   */
  public static final String STATE_EVICTIONS = "tickwire.state.evictions";
  /** Events the router took in from the sources, labels {@code venue} and {@code kind} (before validation). */
  public static final String EVENTS_INGESTED = "tickwire.events.ingested";
  /**
   * How far a lossless consumer is behind, label {@code link} (topic and consumer group) and {@code measure}:
   * {@code queue_age} (how long its latest batch waited between send and receipt) or {@code event_time} (wall clock
   * minus the newest event time it has received).
   */
  public static final String CONSUMER_LAG = "tickwire.consumer.lag.seconds";
  /** Messages a best-effort link or a bounded buffer lost, label {@code link}. */
  public static final String DROPPED = "tickwire.dropped";
  /** Errors by {@code component} and {@code reason}: bad input rejected, writes retried or refused, handlers failed. */
  public static final String ERRORS = "tickwire.errors";
  private static final String ERRORS_HELP =
      "Errors by component and reason: input rejected, writes retried or refused, handlers failed";
  /** The sink's micro-batches: statements committed and rows they carried, label {@code table}. */
  public static final String SINK_FLUSHES = "tickwire.sink.flushes";
  public static final String SINK_ROWS = "tickwire.sink.rows";
  /** Histograms: time taken per statement (label {@code table}), per bar batch, per feature batch. */
  public static final String STORE_WRITE = "tickwire.store.write";
  public static final String FEATURE_UPDATE = "tickwire.feature.update";
  public static final String INFERENCE_EVALUATION = "tickwire.inference.evaluation";
  /** Each venue's clock-skew estimate (ingest time minus event time at its fastest), label {@code venue}. */
  public static final String CLOCK_SKEW = "tickwire.clock.skew.seconds";
  /** Trades a batcher took in, and those it dropped as late (by policy or past the revision horizon). */
  public static final String BATCHER_TRADES = "tickwire.batcher.trades";
  public static final String LATE_DROPPED = "tickwire.batcher.late.dropped";
  /** Histogram: from a window's end (event time) to its bar being emitted (wall clock). */
  public static final String WINDOW_LATENCY = "tickwire.window.latency";

  /**
   * Histogram buckets for every duration tickwire measures: 100 µs to 30 s. Explicit buckets keep a scrape small
   * (Micrometer's percentile histogram would add some 70 series per timer).
   */
  private static final Duration[] BUCKETS = DoubleStream.of(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500,
      1_000, 2_500, 5_000, 10_000, 30_000).mapToObj(ms -> Duration.ofNanos((long) (ms * 1_000_000)))
      .toArray(Duration[]::new);

  private final PrometheusMeterRegistry registry = jvm(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  /** Micrometer holds a function counter's state weakly; the suppliers are often lambdas nobody else holds. */
  private final List<Object> held = new CopyOnWriteArrayList<>();
  /** Counters that add up several sources (stage instances), by name and labels. */
  private final Map<List<String>, List<LongSupplier>> summed = new ConcurrentHashMap<>();
  /** Counts kept here rather than by a stage, by name and labels. */
  private final Map<List<String>, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<String, LinkLag> lags = new ConcurrentHashMap<>();
  /** The signal counters by name: looked up per signal without building a key. */
  private final Map<String, LongAdder> signals = new ConcurrentHashMap<>();

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
    signals.computeIfAbsent(name, n -> count(SIGNALS, "Signals fired, by rule or model name", "name", n)).increment();
  }

  /**
   * The counter of {@code tickwire_errors_total{component, reason}}; both are bounded by the code (component names
   * and reason constants), never taken from input. Registered on first use: a stage keeps the counters it uses.
   */
  @Override
  public LongAdder errorCount(String component, String reason) {
    return count(ERRORS, ERRORS_HELP, "component", component, "reason", reason);
  }

  /** Adds {@code count} to {@code tickwire_errors_total{component, reason}} (a count a stage already keeps). */
  public void errors(String component, String reason, LongSupplier count) {
    sum(ERRORS, ERRORS_HELP, count, "component", component, "reason", reason);
  }

  /** Adds {@code count} to {@code tickwire_dropped_total{link}}. */
  public void dropped(String link, LongSupplier count) {
    sum(DROPPED, "Messages lost on a best-effort link or from a bounded buffer, by link", count, "link", link);
  }

  /** A counter this class keeps, registered on first use and then only looked up. */
  public LongAdder count(String name, String help, String... tags) {
    return counts.computeIfAbsent(key(name, tags), k -> {
      LongAdder adder = new LongAdder();
      counter(name, help, adder::sum, tags);
      return adder;
    });
  }

  /** The lag gauges of {@code link}, shared by every receiver of that link on this node. */
  @Override
  public LinkLag lag(String link) {
    return lags.computeIfAbsent(link, l -> {
      LinkLag lag = new LinkLag();
      gauge(CONSUMER_LAG, "How far a consumer is behind: its latest batch's wait (queue_age) or wall clock minus"
          + " the newest event time received (event_time)", lag::queueAgeSeconds, "link", l, "measure", "queue_age");
      gauge(CONSUMER_LAG, "How far a consumer is behind: its latest batch's wait (queue_age) or wall clock minus"
          + " the newest event time received (event_time)", lag::eventTimeSeconds, "link", l, "measure",
          "event_time");
      return lag;
    });
  }

  /**
   * A histogram of durations in seconds with tickwire's buckets, registered once per name and labels (Micrometer
   * returns the registered one on later calls). Thread-safe; recording costs a few atomic adds.
   */
  public Timer timer(String name, String help, String... tags) {
    return Timer.builder(name).description(help).tags(tags).serviceLevelObjectives(BUCKETS)
        .minimumExpectedValue(BUCKETS[0]).maximumExpectedValue(BUCKETS[BUCKETS.length - 1]).register(registry);
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
    sum(ANOMALIES, "Anomalies detected, by type (every one, not only the sampled ones published)", count, "type",
        type);
  }

  /** Adds {@code count} to the counter {@code name} with {@code tags}, registered with the first source. */
  public void sum(String name, String help, LongSupplier count, String... tags) {
    summed.computeIfAbsent(key(name, tags), k -> {
      List<LongSupplier> sources = new CopyOnWriteArrayList<>();
      counter(name, help, () -> sum(sources), tags);
      return sources;
    }).add(count);
  }

  private static List<String> key(String name, String... tags) {
    List<String> key = new ArrayList<>(tags.length + 1);
    key.add(name);
    key.addAll(Arrays.asList(tags));
    return key;
  }

  private static long sum(List<LongSupplier> sources) {
    long total = 0;
    for (LongSupplier source : sources) {
      total += source.getAsLong();
    }
    return total;
  }

  /** Adds {@code count} to {@code tickwire_state_evictions_total{state}} (summed over a stage's instances). */
  public void evictions(String state, LongSupplier count) {
    sum(STATE_EVICTIONS, "Keys dropped from a bounded per-symbol structure to stay within its cap, by structure",
        count, "state", state);
  }

  /** Adds {@code count} to {@code tickwire_routed_events_total} (one router per node; summed should there be more). */
  public void routed(LongSupplier count) {
    sum(ROUTED, "Events validated and routed to the partitions", count);
  }

  /** Events routed on this node so far, read now (not at the last scrape): the dashboard's events/s. */
  public long routedEvents() {
    List<LongSupplier> sources = summed.get(List.of(ROUTED));
    return sources == null ? 0 : sum(sources);
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
