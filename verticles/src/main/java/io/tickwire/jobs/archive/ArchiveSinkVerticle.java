package io.tickwire.jobs.archive;

import io.tickwire.codecs.IsoTime;
import io.tickwire.config.Settings;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.StageContext;
import io.tickwire.health.Status;
import io.tickwire.jobs.schedule.ClosedClock;
import io.tickwire.jobs.schedule.PeriodicJob;
import io.tickwire.store.Database;
import io.tickwire.store.EventTimes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Archives final trades and bars to Hive-partitioned ZSTD Parquet ({@link ArchiveExporter}), reading them back from
 * PostgreSQL rather than from the topics: the database is already the pipeline's lossless, idempotent, committed
 * copy, so the archive equals it row for row, replays add no duplicate rows, bars arrive at their final revision,
 * and nothing is held unacknowledged or in memory while a window waits to become final. The archive therefore adds
 * no consumer group and cannot slow the pipeline; a slow disk only makes the archive lag (shown in health).
 */
public final class ArchiveSinkVerticle extends VerticleBase {
  public static final String HEALTH_NAME = "sink.archive";
  private static final System.Logger LOG = System.getLogger(ArchiveSinkVerticle.class.getName());

  private final Settings settings;
  private final Database database;
  private final HealthRegistry health;
  private PeriodicJob<ArchiveExporter.Run> job;
  private long chunks;
  private long trades;
  private long bars;
  private long files;
  private long watermark = EventTimes.NONE;
  private long closedUntil = EventTimes.NONE;
  private String failure;

  public ArchiveSinkVerticle(StageContext context, Database database) {
    this.settings = context.settings();
    this.database = database;
    this.health = context.health();
  }

  @Override
  public Future<?> start() {
    ArchiveExporter exporter = new ArchiveExporter(settings, database.jdbc(),
        new ClosedClock(settings, System::currentTimeMillis));
    job = new PeriodicJob<>(vertx, exporter::runOnce, this::finished);
    job.start(settings.batch().everyMs());
    reportHealth();
    LOG.log(System.Logger.Level.INFO, "archive: final chunks of {0} to {1}", settings.batch().archiveChunkMillis()
        + " ms", exporter.layout().root().toAbsolutePath());
    return Future.succeededFuture();
  }

  /** Runs an export now (tests, and the graceful stop); completes with what it did. */
  public Future<ArchiveExporter.Run> exportNow() {
    return job.runNow();
  }

  private void finished(io.vertx.core.AsyncResult<ArchiveExporter.Run> done) {
    if (done.succeeded()) {
      count(done.result());
    } else {
      failed(done.cause());
    }
    reportHealth();
  }

  @Override
  public Future<?> stop() {
    return job.stop();
  }

  private void count(ArchiveExporter.Run run) {
    failure = null;
    chunks += run.chunks();
    trades += run.trades();
    bars += run.bars();
    files += run.files();
    watermark = run.watermarkMicros();
    closedUntil = run.closedUntilMicros();
  }

  private void failed(Throwable cause) {
    failure = String.valueOf(cause.getMessage());
    LOG.log(System.Logger.Level.WARNING, "archive export failed (retried next run): {0}", failure);
  }

  private void reportHealth() {
    Map<String, Number> gauges = new LinkedHashMap<>();
    gauges.put("chunks_written", chunks);
    gauges.put("trades_archived", trades);
    gauges.put("bars_archived", bars);
    gauges.put("files_written", files);
    if (watermark != EventTimes.NONE && closedUntil != EventTimes.NONE) {
      gauges.put("lag_ms", Math.max(0, (closedUntil - watermark) / 1000));
    }
    String where = watermark == EventTimes.NONE ? "nothing archived yet" : "archived up to "
        + IsoTime.format(watermark);
    health.report(new ComponentHealth(HEALTH_NAME, failure == null ? Status.OK : Status.DEGRADED,
        failure == null ? where : where + "; last export failed: " + failure, gauges));
  }
}
