package io.tickwire.config;

import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.Intervals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.SpotMid;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** The validated, typed configuration. Built once at start-up; a bad value fails {@link #from} naming it. */
public record Settings(
    String dataDir,
    Pipeline pipeline,
    Synthetic synthetic,
    Router router,
    Batcher batcher,
    Pg pg,
    Sink sink,
    boolean persistTrades,
    Redis redis,
    Web web,
    Features features,
    Rules rules,
    Inference inference,
    TcpIngest tcpIngest,
    Detect detect,
    Recorder recorder,
    ConnectorSettings connectors,
    Books books,
    ClusterSettings cluster,
    BatchSettings batch,
    Shutdown shutdown,
    DerivedSettings derived) {

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

  /** One rolling feature: {@code horizonMillis} for windowed kinds, {@code period} (bars) for rsi, the other 0. */
  public record FeatureWindow(String name, String kind, long horizonMillis, int period) {
  }

  /** Features computed on each close of {@code baseIntervalMillis} bars. */
  public record Features(long baseIntervalMillis, List<FeatureWindow> windows) {
  }

  /** {@code seed}: classpath resource or file with the rules loaded into an empty table. */
  public record Rules(String seed, int maxConditionLength) {
  }

  /**
   * {@code enabled}: rules and model run on compute nodes (they keep rules in the database, so a compute node
   * without inference needs none); {@code model}: path of a logistic-regression JSON model, or null.
   */
  public record Inference(boolean enabled, String model, long modelTimeoutMs) {
  }

  /** The feature kinds tickwire computes. */
  public static final List<String> FEATURE_KINDS = List.of("vwap", "return", "log_return", "volatility", "rsi",
      "momentum", "skew", "kurtosis", "volume", "trades");

  /** PostgreSQL. {@code url} null means embedded, under {@code <dataDir>/pg}. */
  public record Pg(String url, String schema, int poolSize, int embeddedPort) {
    public boolean embedded() {
      return url == null;
    }
  }

  /**
   * How the PostgreSQL sink batches and retries. {@code tradesWrite}: {@code copy} (binary COPY over JDBC) or
   * {@code insert} (an {@code unnest} insert through the reactive pool, as every other table).
   */
  public record Sink(int batchRows, long flushMs, long maxBackoffMs, int creditWindow, int maxStatements,
      String tradesWrite) {
    public static final String COPY = "copy";
    public static final String INSERT = "insert";

    public boolean copyTrades() {
      return COPY.equals(tradesWrite);
    }
  }

  /**
   * The Redis hot cache: off when {@code url} is null and {@code embedded} false; every key expires after
   * {@code keyTtlMs}. {@code mdV1Asset} (null: the first spot-mid asset) is the asset whose consolidated mid and
   * volatility surfaces the {@code md:v1:*} keys of an older service's readers hold; {@code mdV1WindowMaxlen} caps its
   * stream of recent mids.
   */
  public record Redis(String url, boolean embedded, int embeddedPort, long streamMaxlen, int queue, long keyTtlMs,
      String mdV1Asset, long mdV1WindowMaxlen) {
    public boolean enabled() {
      return url != null || embedded;
    }
  }

  /**
   * How long a stop may spend draining the stages ({@code shutdown.timeout_ms}); the steps after the drain have a
   * fixed allowance on top of it (see {@code cli/BoundedShutdown}).
   */
  public record Shutdown(long timeoutMs) {
  }

  /**
   * The HTTP server; {@code ws}: the dashboard WebSocket; {@code idleTimeoutMs}: a connection with no traffic either
   * way for this long is closed, and connections past {@code maxConnections} at once are closed on arrival;
   * {@code readToken}: null, or what {@code /api/*} reads and {@code /ws} require.
   */
  public record Web(boolean enabled, String host, int port, Ws ws, long idleTimeoutMs, int maxConnections,
      Secret readToken) {
  }

  /**
   * The dashboard WebSocket: each client's outbound queue holds at most {@code queue} messages (past that it
   * coalesces or drops, counted), and an inbound frame or message over {@code maxFrameBytes} closes the socket.
   * A browser's upgrade is accepted from the server's own origin or one of {@code allowedOrigins}; at most
   * {@code maxClients} at once.
   */
  public record Ws(int queue, int maxFrameBytes, List<String> allowedOrigins, int maxClients) {
  }

  /** Link and partition settings shared by every stage. */
  public record Pipeline(int partitions, int creditWindow, long sendTimeoutMs, boolean publishToObservers) {
    /**
     * Bound on batches waiting for credit on one link, per credit of its window. Kept with the pipeline settings
     * so the links (flow) and the partitions-per-batcher check below share one number without config depending
     * on flow.
     */
    public static final int MAX_WAITING_PER_CREDIT = 64;
  }

  /**
   * The synthetic feed. {@code rate} 0 means as fast as the pipeline takes events; {@code count} -1 means
   * unbounded; {@code startTime} -1 means the wall clock at start. {@code wallClock}: event times are generation times
   * rather than simulated.
   */
  public record Synthetic(boolean enabled, String venue, List<String> symbols, long seed, long rate, long count,
      int batchSize, double volatility, long jitterMs, long startTime, boolean wallClock) {
    public boolean unbounded() {
      return count < 0;
    }

    public boolean maxRate() {
      return rate == 0;
    }
  }

  /**
   * The router: rejected events sampled per second, and (in a cluster) the partition journal: the extra event time
   * it keeps beyond what the batchers can still change ({@code journalMarginMs}) and its cap per partition.
   * {@code maxSymbols}: (venue, symbol) keys admitted at once, each forgotten after {@code symbolIdleMs} without an
   * event; it also caps every per-symbol structure downstream (see docs/BOUNDED-STATE.md).
   */
  /**
   * {@code maxFutureMs} ({@code ingest.max_future_ms}): how far ahead of the node's clock an event may be stamped;
   * the router enforces it for every source.
   */
  public record Router(int dlqSamplesPerSec, long journalMarginMs, int journalMaxEvents, int maxSymbols,
      long symbolIdleMs, long maxFutureMs) {
  }

  /** Windowing. {@code intervalsMillis} is sorted ascending and free of duplicates. */
  public record Batcher(long[] intervalsMillis, long allowedLatenessMs, long idleTimeoutMs, LatePolicy latePolicy,
      long revisionHorizonMs, int instances) {
  }

  /** What happens to an event whose window has already closed. */
  public enum LatePolicy {
    REVISE, DROP
  }

  private static final long HOUR_MS = 3_600_000L;

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
    Settings settings = new Settings(r.string("data_dir"), pipeline(r), synthetic(r), router(r), batcher(r), pg(r),
        sink(r), r.bool("trades.persist"), redis(r), web(r), features(r), rules(r), inference(r),
        tcpIngest(r), detect(r), recorder(r), ConnectorSettings.from(r), books(r),
        ClusterSettings.from(r), BatchSettings.from(r), shutdown(r), DerivedSettings.from(r));
    checkPartitionsPerBatcher(settings);
    if (settings.redis().enabled() && !settings.pipeline().publishToObservers()) {
      throw ConfigReader.invalid("pipeline.publish_to_observers", false, "true while Redis is enabled: the Redis"
          + " cache reads bars as an observer");
    }
    checkMdV1Asset(settings);
    return settings;
  }

  private static void checkMdV1Asset(Settings s) {
    String asset = s.redis().mdV1Asset();
    List<String> assets = s.derived().spotMid().assets().stream().map(DerivedSettings.Asset::name).toList();
    if (asset != null && !assets.contains(asset)) {
      throw ConfigReader.invalid("redis.md_v1.asset", asset, "null or one of derived.spot_mid.assets " + assets);
    }
  }

  /**
   * A batcher's partitions all send bars through one link, so each may have a window of tick batches waiting on
   * it; the link refuses more than {@link Pipeline#MAX_WAITING_PER_CREDIT} per credit.
   */
  private static void checkPartitionsPerBatcher(Settings s) {
    int perInstance = (s.pipeline().partitions() + s.batcher().instances() - 1) / s.batcher().instances();
    if (perInstance > Pipeline.MAX_WAITING_PER_CREDIT) {
      throw ConfigReader.invalid("batcher.instances", s.batcher().instances(), "at least pipeline.partitions / "
          + Pipeline.MAX_WAITING_PER_CREDIT + " (" + s.pipeline().partitions() + " partitions)");
    }
  }

  private static Pipeline pipeline(ConfigReader r) {
    return new Pipeline(
        (int) r.integer("pipeline.partitions", 1, 4096),
        (int) r.integer("pipeline.credit_window", 1, 1024),
        r.integer("pipeline.send_timeout_ms", 100, HOUR_MS),
        r.bool("pipeline.publish_to_observers"));
  }

  private static Synthetic synthetic(ConfigReader r) {
    return new Synthetic(
        r.bool("synthetic.enabled"),
        r.string("synthetic.venue"),
        distinct("synthetic.symbols", r.stringList("synthetic.symbols")),
        r.integer("synthetic.seed", Long.MIN_VALUE, Long.MAX_VALUE),
        rate(r),
        r.isNull("synthetic.count") ? -1 : r.integer("synthetic.count", 0, Long.MAX_VALUE),
        (int) r.integer("synthetic.batch_size", 1, 65_536),
        r.number("synthetic.volatility", 0.0, 100.0),
        r.integer("synthetic.jitter_ms", 0, HOUR_MS),
        r.isNull("synthetic.start_time") ? -1 : timestamp(r, "synthetic.start_time"),
        r.oneOf("synthetic.clock", "simulated", "wall").equals("wall"));
  }

  private static long rate(ConfigReader r) {
    if ("max".equals(r.raw("synthetic.rate"))) {
      return 0;
    }
    try {
      return r.integer("synthetic.rate", 1, 100_000_000L);
    } catch (ConfigException e) {
      throw ConfigReader.invalid("synthetic.rate", r.raw("synthetic.rate"), "max or events per second from 1 to "
          + "100000000");
    }
  }

  private static long timestamp(ConfigReader r, String key) {
    Object value = r.raw(key);
    try {
      return IsoTime.parse(String.valueOf(value));
    } catch (RuntimeException e) {
      throw ConfigReader.invalid(key, value, "an ISO-8601 timestamp with a zone, e.g. 2024-05-01T00:00:00Z");
    }
  }

  private static Router router(ConfigReader r) {
    return new Router((int) r.integer("router.dlq_samples_per_sec", 0, 100_000),
        r.integer("router.journal_margin_ms", 0, 24 * HOUR_MS),
        (int) r.integer("router.journal_max_events", 1_000, 100_000_000),
        (int) r.integer("router.max_symbols", 1, 10_000_000),
        r.integer("router.symbol_idle_ms", 1_000, 7 * 24 * HOUR_MS),
        r.integer("ingest.max_future_ms", 0, 24 * HOUR_MS));
  }

  private static Batcher batcher(ConfigReader r) {
    return new Batcher(
        intervals(r, "batcher.intervals"),
        r.integer("batcher.allowed_lateness_ms", 0, HOUR_MS),
        r.integer("batcher.idle_timeout_ms", 1, HOUR_MS),
        LatePolicy.valueOf(r.oneOf("batcher.late_policy", "revise", "drop").toUpperCase(java.util.Locale.ROOT)),
        r.integer("batcher.revision_horizon_ms", 0, 24 * HOUR_MS),
        (int) r.integer("batcher.instances", 1, 256));
  }

  private static Pg pg(ConfigReader r) {
    String url = r.optionalString("pg.url");
    if (url != null && !url.startsWith("postgresql://") && !url.startsWith("postgres://")) {
      throw ConfigReader.invalid("pg.url", redact(url), "a URL like postgresql://user@host:5432/database, or null"
          + " for embedded");
    }
    String schema = r.string("pg.schema");
    if (!schema.matches("[a-z_][a-z0-9_]{0,62}")) {
      throw ConfigReader.invalid("pg.schema", schema, "a lowercase SQL identifier (letters, digits, _)");
    }
    return new Pg(url, schema, (int) r.integer("pg.pool_size", 1, 64), (int) r.integer("pg.embedded_port", 0, 65_535));
  }

  /** The URL without its user-info part, which may hold a password that must not reach a log. */
  static String redact(String url) {
    return url.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^@/]*@", "$1***@");
  }

  private static Sink sink(ConfigReader r) {
    return new Sink((int) r.integer("sink.batch_rows", 1, 100_000), r.integer("sink.flush_ms", 1, 60_000),
        r.integer("sink.max_backoff_ms", 50, 600_000), (int) r.integer("sink.credit_window", 1, 1024),
        (int) r.integer("sink.max_statements", 1, 64), r.oneOf("sink.trades_write", Sink.COPY, Sink.INSERT));
  }

  private static Redis redis(ConfigReader r) {
    String url = r.optionalString("redis.url");
    if (url != null && !url.startsWith("redis://") && !url.startsWith("rediss://")) {
      throw ConfigReader.invalid("redis.url", redact(url), "a URL like redis://host:6379, or null");
    }
    return new Redis(url, r.bool("redis.embedded"), (int) r.integer("redis.embedded_port", 0, 65_535),
        r.integer("redis.stream_maxlen", 1, 100_000_000), (int) r.integer("redis.queue", 1, 1_000_000),
        r.integer("redis.key_ttl_ms", 1_000, 365 * 24 * HOUR_MS), r.optionalString("redis.md_v1.asset"),
        r.integer("redis.md_v1.window_maxlen", 1, 100_000_000));
  }

  private static Shutdown shutdown(ConfigReader r) {
    return new Shutdown(r.integer("shutdown.timeout_ms", 100, HOUR_MS));
  }

  private static Web web(ConfigReader r) {
    Ws ws = new Ws((int) r.integer("web.ws.queue", 1, 1_000_000),
        (int) r.integer("web.ws.max_frame_bytes", 1024, 16 << 20), r.stringListOrEmpty("web.ws.allowed_origins"),
        (int) r.integer("web.ws.max_clients", 1, 100_000));
    return new Web(r.bool("web.enabled"), r.string("web.host"), (int) r.integer("web.port", 0, 65_535), ws,
        r.integer("web.idle_timeout_ms", 0, 24 * HOUR_MS), (int) r.integer("web.max_connections", 1, 1_000_000),
        Credentials.optionalToken(r, "web.read_token"));
  }

  private static Features features(ConfigReader r) {
    long base = Intervals.parse(r.string("features.base_interval"));
    long[] bars = intervals(r, "batcher.intervals");
    if (java.util.Arrays.stream(bars).noneMatch(b -> b == base)) {
      throw ConfigReader.invalid("features.base_interval", r.raw("features.base_interval"),
          "one of batcher.intervals");
    }
    Object raw = r.raw("features.windows");
    if (!(raw instanceof io.vertx.core.json.JsonArray array) || array.isEmpty()) {
      throw ConfigReader.invalid("features.windows", raw, "a non-empty list of {name, kind, horizon|period}");
    }
    List<FeatureWindow> windows = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      windows.add(featureWindow(array.getValue(i), "features.windows[" + i + "]"));
    }
    distinct("features.windows", windows.stream().map(FeatureWindow::name).toList());
    return new Features(base, List.copyOf(windows));
  }

  private static FeatureWindow featureWindow(Object raw, String key) {
    if (!(raw instanceof JsonObject w)) {
      throw ConfigReader.invalid(key, raw, "{name, kind, horizon} or {name, kind: rsi, period}");
    }
    ConfigReader r = new ConfigReader(w);
    String name = r.string("name");
    if (!name.matches("[a-z_][a-z0-9_]*")) {
      throw ConfigReader.invalid(key + ".name", name, "a lowercase identifier usable in rule conditions");
    }
    if (BookSnapshot.FEATURE_NAMES.contains(name)) {
      throw ConfigReader.invalid(key + ".name", name, "a name other than the order-book features "
          + BookSnapshot.FEATURE_NAMES + ", which snapshots carry already");
    }
    if (SpotMid.FEATURE_NAMES.contains(name)) {
      throw ConfigReader.invalid(key + ".name", name, "a name other than the spot-mid features "
          + SpotMid.FEATURE_NAMES + ", which snapshots of the derived.spot_mid assets carry already");
    }
    String kind = r.oneOf("kind", FEATURE_KINDS.toArray(new String[0]));
    if (kind.equals("rsi")) {
      return new FeatureWindow(name, kind, 0, (int) r.integer("period", 2, 10_000));
    }
    try {
      return new FeatureWindow(name, kind, Intervals.parse(r.string("horizon")), 0);
    } catch (ConfigException | IllegalArgumentException e) {
      throw ConfigReader.invalid(key + ".horizon", w.getValue("horizon"), "an interval such as 30s, 1m, 5m");
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
    List<String> types = distinct(key, r.stringList(key));
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
    String label = r.string("books.snapshot_interval");
    long interval = interval("books.snapshot_interval", label, label);
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

  private static Rules rules(ConfigReader r) {
    return new Rules(r.string("rules.seed"), (int) r.integer("rules.max_condition_length", 10, 100_000));
  }

  private static Inference inference(ConfigReader r) {
    return new Inference(r.bool("inference.enabled"), r.optionalString("inference.model"),
        r.integer("inference.model_timeout_ms", 1, 60_000));
  }

  private static long[] intervals(ConfigReader r, String key) {
    List<String> labels = distinct(key, r.stringList(key));
    long[] millis = new long[labels.size()];
    for (int i = 0; i < millis.length; i++) {
      millis[i] = interval(key, labels.get(i), labels);
    }
    java.util.Arrays.sort(millis);
    return millis;
  }

  /** {@code label} in milliseconds; {@code shown} is the value an error names (the whole list for a list key). */
  private static long interval(String key, String label, Object shown) {
    long millis;
    try {
      millis = Intervals.parse(label);
    } catch (IllegalArgumentException e) {
      throw ConfigReader.invalid(key, shown, "intervals such as 1s, 10s, 1m (" + e.getMessage() + ")");
    }
    if (86_400_000L % millis != 0) {
      throw ConfigReader.invalid(key, shown, "intervals that divide a day evenly, so windows align to the epoch");
    }
    return millis;
  }

  static List<String> distinct(String key, List<String> values) {
    List<String> seen = new ArrayList<>();
    for (String v : values) {
      if (seen.contains(v)) {
        throw ConfigReader.invalid(key, values, "a list without duplicates (\"" + v + "\" appears twice)");
      }
      seen.add(v);
    }
    return values;
  }
}
