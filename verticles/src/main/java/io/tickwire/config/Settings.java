package io.tickwire.config;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.util.List;

/**
 * The validated, typed configuration: one section per area, each reading and checking its own keys. Built once at
 * start-up; a bad value fails {@link #from} naming it.
 */
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
    TcpIngestSettings tcpIngest,
    DetectSettings detect,
    RecorderSettings recorder,
    ConnectorSettings connectors,
    BookSettings books,
    ClusterSettings cluster,
    BatchSettings batch,
    ShutdownSettings shutdown,
    DerivedSettings derived,
    BridgeSettings bridge,
    CoverageSettings coverage,
    BackfillSettings backfill) {

  /** Where the Parquet archive lives: {@code archive.dir}, relative to {@code data_dir} unless absolute. */
  public Path archiveDir() {
    return Path.of(dataDir).resolve(batch.archiveDir());
  }

  /** Where incident bundles live: {@code recorder.dir}, relative to {@code data_dir} unless absolute. */
  public Path incidentsDir() {
    return Path.of(dataDir).resolve(recorder.dir());
  }

  /** The sections in a fixed order, so that of several bad values the same one is always reported. */
  public static Settings from(JsonObject config) {
    ConfigReader r = new ConfigReader(config);
    Settings settings = new Settings(r.string("data_dir"), PipelineSettings.from(r), SyntheticSettings.from(r),
        RouterSettings.from(r), BatcherSettings.from(r), PgSettings.from(r), SinkSettings.from(r),
        r.bool("trades.persist"), RedisSettings.from(r), WebSettings.from(r),
        FeatureSettings.from(r, BatcherSettings.intervals(r)), RulesSettings.from(r), InferenceSettings.from(r),
        TcpIngestSettings.from(r), DetectSettings.from(r), RecorderSettings.from(r), ConnectorSettings.from(r),
        BookSettings.from(r), ClusterSettings.from(r), BatchSettings.from(r), ShutdownSettings.from(r),
        DerivedSettings.from(r), BridgeSettings.from(r), CoverageSettings.from(r), BackfillSettings.from(r));
    checkPartitionsPerBatcher(settings);
    checkObserversForRedis(settings);
    checkMdV1Asset(settings);
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

  private static void checkObserversForRedis(Settings s) {
    if (s.redis().enabled() && !s.pipeline().publishToObservers()) {
      throw ConfigReader.invalid("pipeline.publish_to_observers", false, "true while Redis is enabled: the Redis"
          + " cache reads bars as an observer");
    }
  }

  /** The md:v1 keys follow one asset: it must be one the derived stage samples. */
  private static void checkMdV1Asset(Settings s) {
    String asset = s.redis().mdV1Asset();
    List<String> assets = s.derived().spotMid().assets().stream().map(DerivedSettings.Asset::name).toList();
    if (asset != null && !assets.contains(asset)) {
      throw ConfigReader.invalid("redis.md_v1.asset", asset, "null or one of derived.spot_mid.assets " + assets);
    }
  }
}
