package io.tickwire.config;

import static io.tickwire.config.ConfigReader.HOUR_MS;

import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.Intervals;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The validated, typed configuration. Built once at start-up; a bad value fails {@link #from} naming it. */
public record Settings(
    String dataDir,
    PipelineSettings pipeline,
    SyntheticSettings synthetic,
    RouterSettings router,
    BatcherSettings batcher,
    PgSettings pg,
    SinkSettings sink,
    boolean persistTrades,
    RedisSettings redis,
    WebSettings web,
    FeatureSettings features,
    RulesSettings rules,
    InferenceSettings inference,
    TcpIngest tcpIngest,
    Detect detect,
    Recorder recorder,
    ConnectorSettings connectors,
    Books books,
    ClusterSettings cluster,
    BatchSettings batch,
    ShutdownSettings shutdown) {

  /**
   * The order books the batchers keep per (venue, symbol): at most {@code maxLevels} per side (deeper ones are cut),
   * a snapshot of the top {@code snapshotDepth} levels every {@code snapshotIntervalMillis} of event time (aligned
   * to the epoch), and the oldest a snapshot may be, in event time, for its values to join a feature snapshot.
   */
  public record Books(int maxLevels, long snapshotIntervalMillis, int snapshotDepth, long featureMaxAgeMs) {
  }

  /** Anomaly detection in the router. {@code staleAfterMs}: silence on a symbol that makes it a stale feed. */
  public record Detect(int duplicateCapacity, long latencyThresholdMs, int latencyWindow, double outlierK,
      int outlierWindow, int anomalySamplesPerSec, long staleAfterMs) {
  }

  /**
   * The flight recorder: the last {@code windowMs} of events (by event time) in memory, at most {@code maxEvents}
   * and about {@code maxBytes}; an anomaly of a {@code triggerTypes} type starts an incident bundle of
   * {@code beforeEvents} + {@code afterEvents} events, at most one per {@code cooldownMs} of event time, written
   * under {@code dir} (relative to the data dir unless absolute) once the events after are in or
   * {@code afterTimeoutMs} of wall time has passed.
   */
  public record Recorder(boolean enabled, long windowMs, int maxEvents, long maxBytes, int beforeEvents,
      int afterEvents, long afterTimeoutMs, long cooldownMs, List<String> triggerTypes, String dir) {
  }

  /**
   * The TCP frame ingest: {@code [4-byte big-endian length][UTF-8 v1 JSON event]} per frame. {@code idleTimeoutMs}
   * 0: never closed for silence; {@code tokens} empty: no handshake; {@code tls} null: plain TCP.
   */
  public record TcpIngest(boolean enabled, String host, int port, int maxFrameBytes, int maxConnections,
      int batchSize, long idleTimeoutMs, int maxConnectionsPerAddress, List<ProducerToken> tokens, Pem tls) {
  }

  /** A producer's token and the venues its events may name ({@code *}: any). */
  public record ProducerToken(Secret token, List<String> venues) {
  }

  /** PEM private key and certificate chain files. */
  public record Pem(String key, String cert) {
  }

  /** Where the Parquet archive lives: {@code archive.dir}, relative to {@code data_dir} unless absolute. */
  public java.nio.file.Path archiveDir() {
    return java.nio.file.Path.of(dataDir).resolve(batch.archiveDir());
  }

  /** Where incident bundles live: {@code recorder.dir}, relative to {@code data_dir} unless absolute. */
  public java.nio.file.Path incidentsDir() {
    return java.nio.file.Path.of(dataDir).resolve(recorder.dir());
  }

  public static Settings from(JsonObject config) {
    ConfigReader r = new ConfigReader(config);
    Settings settings = new Settings(r.string("data_dir"), PipelineSettings.from(r),
        SyntheticSettings.from(r), RouterSettings.from(r), BatcherSettings.from(r), PgSettings.from(r),
        SinkSettings.from(r), r.bool("trades.persist"), RedisSettings.from(r), WebSettings.from(r), FeatureSettings.from(r, BatcherSettings.intervals(r)), RulesSettings.from(r),
        InferenceSettings.from(r),
        tcpIngest(r), detect(r), recorder(r), ConnectorSettings.from(r), books(r),
        ClusterSettings.from(r), BatchSettings.from(r), ShutdownSettings.from(r));
    checkPartitionsPerBatcher(settings);
    if (settings.redis().enabled() && !settings.pipeline().publishToObservers()) {
      throw ConfigReader.invalid("pipeline.publish_to_observers", false, "true while Redis is enabled: the Redis"
          + " cache reads bars as an observer");
    }
    return settings;
  }

  /**
   * A batcher's partitions all send bars through one link, so each may have a window of tick batches waiting on
   * it; the link refuses more than {@link PipelineSettings#MAX_WAITING_PER_CREDIT} per credit.
   */
  private static void checkPartitionsPerBatcher(Settings s) {
    int perInstance = (s.pipeline().partitions() + s.batcher().instances() - 1) / s.batcher().instances();
    if (perInstance > PipelineSettings.MAX_WAITING_PER_CREDIT) {
      throw ConfigReader.invalid("batcher.instances", s.batcher().instances(), "at least pipeline.partitions / "
          + PipelineSettings.MAX_WAITING_PER_CREDIT + " (" + s.pipeline().partitions() + " partitions)");
    }
  }

  private static Detect detect(ConfigReader r) {
    return new Detect((int) r.integer("detect.duplicate_capacity", 1, 10_000_000),
        r.integer("detect.latency_threshold_ms", 1, HOUR_MS), (int) r.integer("detect.latency_window", 10, 1_000_000),
        r.number("detect.outlier_k", 1.0, 1000.0), (int) r.integer("detect.outlier_window", 3, 10_000),
        (int) r.integer("detect.anomaly_samples_per_sec", 0, 100_000),
        r.integer("detect.stale_after_ms", 100, 24 * HOUR_MS));
  }

  private static Recorder recorder(ConfigReader r) {
    return new Recorder(r.bool("recorder.enabled"), r.integer("recorder.window_ms", 1_000, 24 * HOUR_MS),
        (int) r.integer("recorder.max_events", 1, 50_000_000), r.integer("recorder.max_bytes", 1 << 16, 16L << 30),
        (int) r.integer("recorder.before_events", 0, 1_000_000), (int) r.integer("recorder.after_events", 0, 1_000_000),
        r.integer("recorder.after_timeout_ms", 1, 24 * HOUR_MS), r.integer("recorder.cooldown_ms", 0, 24 * HOUR_MS),
        triggerTypes(r, "recorder.trigger_types"), r.string("recorder.dir"));
  }

  private static List<String> triggerTypes(ConfigReader r, String key) {
    List<String> types = r.distinctStringList(key);
    for (String type : types) {
      if (!AnomalyTypes.ALL.contains(type)) {
        throw ConfigReader.invalid(key, type, "anomaly types among " + AnomalyTypes.ALL);
      }
      if (AnomalyTypes.AFTER_ROUTER.contains(type)) {
        throw ConfigReader.invalid(key, type, "a type the router detects: the flight recorder runs in the router and"
            + " never sees " + AnomalyTypes.AFTER_ROUTER);
      }
    }
    return types;
  }

  private static Books books(ConfigReader r) {
    int maxLevels = (int) r.integer("books.max_levels", 1, 100_000);
    long interval = WindowIntervals.one(r, "books.snapshot_interval");
    int depth = (int) r.integer("books.snapshot_depth", 1, 1_000);
    if (depth > maxLevels) {
      throw ConfigReader.invalid("books.snapshot_depth", depth, "at most books.max_levels (" + maxLevels + ")");
    }
    long maxAge = r.integer("books.feature_max_age_ms", 1, 24 * HOUR_MS);
    if (maxAge < interval) {
      throw ConfigReader.invalid("books.feature_max_age_ms", maxAge, "at least books.snapshot_interval (" + interval
          + " ms): a snapshot is that old before the next one is due");
    }
    return new Books(maxLevels, interval, depth, maxAge);
  }

  private static TcpIngest tcpIngest(ConfigReader r) {
    return new TcpIngest(r.bool("ingest.tcp.enabled"), r.string("ingest.tcp.host"),
        (int) r.integer("ingest.tcp.port", 0, 65_535), (int) r.integer("ingest.tcp.max_frame_bytes", 64, 64 << 20),
        (int) r.integer("ingest.tcp.max_connections", 1, 100_000), (int) r.integer("ingest.tcp.batch_size", 1, 65_536),
        r.integer("ingest.tcp.idle_timeout_ms", 0, 24 * HOUR_MS),
        (int) r.integer("ingest.tcp.max_connections_per_address", 1, 100_000),
        Credentials.producerTokens(r, "ingest.tcp.tokens"), Credentials.pem(r, "ingest.tcp.tls"));
  }

}
