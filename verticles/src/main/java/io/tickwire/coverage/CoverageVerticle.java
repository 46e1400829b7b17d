package io.tickwire.coverage;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.TickBatch;
import io.tickwire.config.CoverageSettings;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.StageContext;
import io.tickwire.metrics.Metrics;
import io.tickwire.store.CoverageRow;
import io.tickwire.store.CoverageTable;
import io.tickwire.store.Database;
import io.tickwire.store.EventTimes;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The completeness ledger on a persist node: reads every partition's routed events (lossless group
 * {@value #GROUP}), folds them into the {@link CoverageLedger}, and every {@code coverage.flush_ms} writes the
 * changed segments to {@code coverage_segment} and records that it is alive. On start, when no ledger was seen alive
 * for {@code coverage.not_running_after_ms}, every stored stream gets a {@code not_running} hole from then.
 */
public final class CoverageVerticle extends VerticleBase {
  public static final String GROUP = "coverage";
  public static final String HEALTH_NAME = "coverage";
  /** The heartbeat row of the ledger; one ledger writes the table. */
  static final String LEDGER = "ledger";
  private static final long MS = 1000;
  private static final System.Logger LOG = System.getLogger(CoverageVerticle.class.getName());

  private final Settings settings;
  private final CoverageSettings config;
  private final Database database;
  private final HealthRegistry health;
  private final Metrics metrics;
  private final LongSupplier nowMicros;
  private final CoverageLedger ledger;
  private final Map<String, Double> ratios = new ConcurrentHashMap<>();
  private final Set<String> gauged = ConcurrentHashMap.newKeySet();
  private long timer;
  private Future<Void> flushing = Future.succeededFuture();
  private boolean writing;
  private long segmentsWritten;
  private long failedFlushes;
  private int restoredStreams;

  /** {@code nowMicros} is the wall clock (tests move it to stand for downtime). */
  public CoverageVerticle(StageContext context, Database database, LongSupplier nowMicros) {
    this.settings = context.settings();
    this.config = settings.coverage();
    this.health = context.health();
    this.metrics = context.metrics();
    this.database = database;
    this.nowMicros = nowMicros;
    this.ledger = new CoverageLedger(settings.router().maxSymbols() * Channel.values().length,
        config.keepSegments(), config.maxUnwritten());
  }

  @Override
  public Future<?> start() {
    metrics.evictions("coverage_streams", ledger::streamsEvicted);
    metrics.errors(HEALTH_NAME, "unwritten_dropped", ledger::unwrittenDropped);
    return vertx.executeBlocking(this::storedState).compose(this::restore).compose(v -> bind()).onSuccess(v -> {
      timer = vertx.setPeriodic(config.flushMs(), id -> flushUnlessBusy());
      reportHealth();
    });
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(timer);
    return flushing.eventually(this::flush);
  }

  /** Writes what changed now (tests, and a stopping node). */
  public Future<Void> flushNow() {
    return flushing.eventually(this::flush);
  }

  private record Stored(long aliveAt, List<CoverageRow> newestCovered) {
  }

  private Stored storedState() throws Exception {
    try (Connection db = database.jdbc().connect()) {
      return new Stored(CoverageTable.aliveAt(db, LEDGER), CoverageTable.newestCovered(db));
    }
  }

  private Future<Void> restore(Stored stored) {
    long now = nowMicros.getAsLong();
    if (stored.aliveAt() == EventTimes.NONE || now - stored.aliveAt() < config.notRunningAfterMs() * MS) {
      return Future.succeededFuture();
    }
    for (CoverageRow row : stored.newestCovered()) {
      ledger.restoreAfterDowntime(SegmentRows.segment(row), stored.aliveAt(), now);
    }
    restoredStreams = stored.newestCovered().size();
    LOG.log(System.Logger.Level.INFO, "coverage: no node seen alive for {0} s: not_running holes on {1} streams",
        (now - stored.aliveAt()) / 1_000_000, restoredStreams);
    return flush();
  }

  private Future<Void> bind() {
    List<Future<?>> bound = new ArrayList<>();
    for (int p = 0; p < settings.pipeline().partitions(); p++) {
      bound.add(CreditReceiver.<TickBatch>bind(vertx, Addresses.inbox(Addresses.ticks(p), GROUP), this::observe,
          metrics));
    }
    return Future.all(bound).mapEmpty();
  }

  private Future<Void> observe(TickBatch batch) {
    for (MarketEvent event : batch.items()) {
      ledger.observe(event);
    }
    return Future.succeededFuture();
  }

  /** One write at a time: a tick that finds the last still running skips. */
  private void flushUnlessBusy() {
    if (!writing) {
      writing = true;
      flush().onComplete(v -> writing = false);
    }
  }

  /** What fails goes back to the ledger for the next write. */
  private Future<Void> flush() {
    List<Segment> changes = ledger.drainChanges();
    updateRatios();
    long now = nowMicros.getAsLong();
    flushing = vertx.<Void>executeBlocking(() -> {
      try (Connection db = database.jdbc().connect()) {
        CoverageTable.upsert(db, SegmentRows.rows(changes));
        CoverageTable.markAlive(db, LEDGER, now);
      }
      return null;
    }).onSuccess(v -> segmentsWritten += changes.size()).recover(e -> {
      failedFlushes++;
      LOG.log(System.Logger.Level.WARNING, "coverage: writing {0} segments failed (kept for the next flush): {1}",
          changes.size(), e.toString());
      ledger.retry(changes);
      return Future.succeededFuture();
    }).onComplete(v -> reportHealth());
    return flushing;
  }

  private void updateRatios() {
    ledger.ratios(config.ratioWindowMs() * MS).forEach((venue, byChannel) -> byChannel.forEach((channel, r) -> {
      String key = venue + "\u0000" + channel.wire();
      ratios.put(key, r.ratio());
      if (gauged.add(key)) {
        metrics.gauge(Metrics.COVERAGE_RATIO, "Share of the recent event time (coverage.ratio_window_ms) the venue's"
            + " streams of the channel covered, holes not backfilled counting against", () -> ratios.get(key),
            "venue", venue, "channel", channel.wire());
      }
    }));
  }

  private void reportHealth() {
    Map<String, Number> gauges = new LinkedHashMap<>();
    gauges.put("streams", ledger.streams());
    gauges.put("segments_written", segmentsWritten);
    gauges.put("failed_flushes", failedFlushes);
    gauges.put("unwritten_dropped", ledger.unwrittenDropped());
    gauges.put("streams_evicted", ledger.streamsEvicted());
    gauges.put("restored_not_running", restoredStreams);
    health.report(ComponentHealth.ok(HEALTH_NAME, "ledger of " + ledger.streams() + " streams", gauges));
  }
}
