package io.tickwire.sink;

import io.tickwire.codecs.IvSurface;
import io.tickwire.codecs.IvSurfaceBatch;
import io.tickwire.codecs.SpotMid;
import io.tickwire.codecs.SpotMidBatch;
import io.tickwire.config.DerivedSettings;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.StageContext;
import io.tickwire.metrics.Metrics;
import io.tickwire.health.HealthReports;
import io.tickwire.health.Status;
import io.tickwire.store.Database;
import io.tickwire.store.IvSurfaceRows;
import io.tickwire.store.PooledInsert;
import io.tickwire.store.SpotMidRows;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Persists the derived streams to PostgreSQL: consolidated spot mids ({@code spot_mid}) and implied-volatility
 * smiles ({@code iv_surface}), as the lossless {@code pg} group of {@code md.spot_mid} and {@code md.iv_surface},
 * with the same batching, retries and acknowledgement on commit as the other tables ({@link TableWriter}). Only the
 * configured streams are bound.
 */
public final class DerivedSinkVerticle extends VerticleBase {
  public static final String HEALTH_NAME = "sink.postgres.derived";

  private final Settings settings;
  private final Database database;
  private final HealthRegistry health;
  private final Metrics metrics;
  private final List<TableWriter<?>> writers = new ArrayList<>();
  private long healthTimer = -1;

  public DerivedSinkVerticle(StageContext context, Database database) {
    this.settings = context.settings();
    this.database = database;
    this.health = context.health();
    this.metrics = context.metrics();
  }

  /** The topics this sink reads for {@code derived}: those of the configured streams. */
  public static List<String> topics(DerivedSettings derived) {
    List<String> topics = new ArrayList<>(2);
    if (derived.spotMid().enabled()) {
      topics.add(Addresses.SPOT_MID);
    }
    if (derived.ivSurface().enabled()) {
      topics.add(Addresses.IV_SURFACE);
    }
    return topics;
  }

  @Override
  public Future<?> start() {
    List<Future<?>> bound = new ArrayList<>();
    if (settings.derived().spotMid().enabled()) {
      TableWriter<SpotMid> mids = writer(new PooledInsert<>(database.pool(), new SpotMidRows()));
      bound.add(CreditReceiver.<SpotMidBatch>bind(vertx, Addresses.inbox(Addresses.SPOT_MID,
          PostgresSinkVerticle.GROUP), batch -> mids.add(batch.items()), metrics));
    }
    if (settings.derived().ivSurface().enabled()) {
      TableWriter<IvSurface> surfaces = writer(new PooledInsert<>(database.pool(), new IvSurfaceRows()));
      bound.add(CreditReceiver.<IvSurfaceBatch>bind(vertx, Addresses.inbox(Addresses.IV_SURFACE,
          PostgresSinkVerticle.GROUP), batch -> surfaces.add(batch.items()), metrics));
    }
    healthTimer = vertx.setPeriodic(HealthReports.PERIOD_MS, id -> reportHealth());
    reportHealth();
    return Future.all(bound);
  }

  private <E> TableWriter<E> writer(PooledInsert<E> store) {
    TableWriter<E> writer = new TableWriter<>(vertx, store, settings.sink(), metrics);
    writers.add(writer);
    return writer;
  }

  /** Commits everything handed over before stopping. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(healthTimer);
    return Future.all(writers.stream().map(TableWriter::flush).toList())
        .onComplete(v -> reportHealth())
        .eventually(() -> Future.join(writers.stream().map(TableWriter::close).toList()));
  }

  private void reportHealth() {
    WriterHealth writing = WriterHealth.of(writers);
    health.report(new ComponentHealth(HEALTH_NAME, writing.ok() ? Status.OK : Status.DEGRADED,
        writing.detail("writing derived streams"), writing.gauges()));
  }

  /** Rows stored so far, by table. */
  public Map<String, Long> rowsInserted() {
    Map<String, Long> out = new LinkedHashMap<>();
    for (TableWriter<?> w : writers) {
      out.put(w.table(), w.rowsInserted());
    }
    return out;
  }
}
