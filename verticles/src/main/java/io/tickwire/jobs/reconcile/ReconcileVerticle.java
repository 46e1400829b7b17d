package io.tickwire.jobs.reconcile;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyBatch;
import io.tickwire.codecs.IsoTime;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.Topology;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.StageContext;
import io.tickwire.jobs.schedule.ClosedClock;
import io.tickwire.jobs.schedule.PeriodicJob;
import io.tickwire.metrics.Metrics;
import io.tickwire.codecs.AnomalyTypes;
import io.tickwire.store.CoverageTable;
import io.tickwire.store.Database;
import io.tickwire.store.EventTimes;
import io.tickwire.store.StoredTimes;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The periodic reconciliation on a persist node: each minute of event time that has become final (see
 * {@link ClosedClock}) is reconciled once, for the bar intervals that divide a minute. Bars that did not reconcile
 * (drifted, missing or extra) raise {@code bar_drift} anomalies on {@code md.anomalies} (at most
 * {@code reconcile.samples} a minute; all are counted in {@code tickwire_bar_drift_total}) and set
 * {@code tickwire_bar_drift_ratio} to the last minute's share of such bars. It reconciles the minutes that become
 * final while it runs, starting after what was final when it started; older history is the CLI's
 * ({@code tickwire reconcile}).
 */
public final class ReconcileVerticle extends VerticleBase {
  public static final String HEALTH_NAME = "reconcile";
  private static final long MINUTE_MICROS = 60_000_000L;
  /** Minutes one run may catch up, so a stop never waits long for the run in progress. */
  private static final int MAX_MINUTES_PER_RUN = 60;
  private static final System.Logger LOG = System.getLogger(ReconcileVerticle.class.getName());

  private final Settings settings;
  private final Database database;
  private final Topology topology;
  private final HealthRegistry health;
  private final Metrics metrics;
  private final ClosedClock clock;
  private final Reconciler reconciler;
  private final long[] intervals;
  private final AtomicLong notReconciled = new AtomicLong();
  private final AtomicLong minutes = new AtomicLong();
  private final AtomicLong verifiedHoles = new AtomicLong();
  private volatile double lastRatio;
  /** Start of the next minute to reconcile; touched only by the job (never two runs at once). */
  private volatile long next = EventTimes.NONE;
  private volatile boolean started;
  private PeriodicJob<List<ReconcileReport>> job;
  private Outlet<AnomalyBatch> anomalies;

  public ReconcileVerticle(StageContext context, Database database) {
    this.settings = context.settings();
    this.topology = context.topology();
    this.health = context.health();
    this.metrics = context.metrics();
    this.database = database;
    this.clock = new ClosedClock(settings, System::currentTimeMillis);
    this.reconciler = new Reconciler(settings.batch().reconcileThreshold());
    this.intervals = java.util.Arrays.stream(settings.batcher().intervalsMillis())
        .filter(ms -> 60_000 % ms == 0).toArray();
  }

  @Override
  public Future<?> start() {
    anomalies = new Outlet<>(vertx, Addresses.ANOMALIES, topology);
    metrics.counter(Metrics.BAR_DRIFT, "Bars that did not reconcile with the trades (drifted, missing or extra)",
        notReconciled::get);
    metrics.gauge(Metrics.BAR_DRIFT_RATIO, "Share of the last reconciled minute's bars that did not reconcile",
        () -> lastRatio);
    metrics.anomalies(AnomalyTypes.BAR_DRIFT, notReconciled::get);
    job = new PeriodicJob<>(vertx, this::reconcileFinalMinutes, this::finished);
    job.start(settings.batch().everyMs());
    reportHealth();
    return Future.succeededFuture();
  }

  /** Reconciles every minute final by now (tests, and anyone who cannot wait for the timer). */
  public Future<List<ReconcileReport>> reconcileNow() {
    return job.runNow();
  }

  @Override
  public Future<?> stop() {
    return job.stop().compose(v -> anomalies.drained());
  }

  private List<ReconcileReport> reconcileFinalMinutes() throws SQLException {
    List<ReconcileReport> reports = new ArrayList<>();
    try (Connection db = database.jdbc().connect()) {
      long closed = clock.closedUntil(db);
      if (!started) {
        started = true;
        // What was final before this node started is history: the CLI reconciles it on demand.
        next = closed == EventTimes.NONE ? EventTimes.NONE : floorMinute(closed);
      }
      while (closed != EventTimes.NONE && reports.size() < MAX_MINUTES_PER_RUN) {
        long from = nextMinuteWithData(db);
        if (from == EventTimes.NONE || from + MINUTE_MICROS > closed) {
          break;
        }
        ReconcileReport report = reconciler.run(db, from, from + MINUTE_MICROS, intervals);
        verifyBackfills(db, report);
        reports.add(report);
        next = from + MINUTE_MICROS;
      }
    }
    return reports;
  }

  /**
   * Backfilled holes in trades within a minute that reconciled for their symbol are recorded as verified: the bars
   * the backfill revised equal the bars the stored trades give.
   */
  private void verifyBackfills(Connection db, ReconcileReport report) throws SQLException {
    List<String> venues = new ArrayList<>();
    List<String> symbols = new ArrayList<>();
    for (BarKey key : report.unreconciled()) {
      venues.add(key.venue());
      symbols.add(key.symbol());
    }
    verifiedHoles.addAndGet(CoverageTable.markVerified(db, report.fromMicros(), report.toMicros(), venues, symbols));
  }

  private long nextMinuteWithData(Connection db) throws SQLException {
    long first = StoredTimes.firstStoredFrom(db, next == EventTimes.NONE ? 0 : next);
    return first == EventTimes.NONE ? EventTimes.NONE : floorMinute(first);
  }

  private static long floorMinute(long micros) {
    return Math.floorDiv(micros, MINUTE_MICROS) * MINUTE_MICROS;
  }

  private void finished(AsyncResult<List<ReconcileReport>> done) {
    if (done.failed()) {
      LOG.log(System.Logger.Level.WARNING, "reconciliation failed (retried next run): {0}", done.cause().toString());
      return;
    }
    for (ReconcileReport report : done.result()) {
      minutes.incrementAndGet();
      lastRatio = report.driftRatio();
      List<Anomaly> found = anomaliesOf(report);
      notReconciled.addAndGet(report.total() - report.matched());
      if (!found.isEmpty()) {
        LOG.log(System.Logger.Level.WARNING, "bar drift: {0}", report.toText(settings.batch().reconcileSamples()));
        anomalies.send(new AnomalyBatch(found));
      }
    }
    reportHealth();
  }

  /** A sample of the minute's bars that did not reconcile, as anomalies at their window start. */
  private List<Anomaly> anomaliesOf(ReconcileReport report) {
    List<Anomaly> out = new ArrayList<>();
    int samples = settings.batch().reconcileSamples();
    report.drifted().stream().limit(samples).forEach(d -> out.add(anomaly(d.key(), "drifted " + d.describe(),
        d.largest())));
    report.missing().stream().limit(samples).forEach(k -> out.add(anomaly(k, "missing: trades make a bar " + k
        + " but none is stored", 1.0)));
    report.extra().stream().limit(samples).forEach(k -> out.add(anomaly(k, "extra: bar " + k
        + " is stored but no stored trade falls in its window", 1.0)));
    return out.size() > samples ? out.subList(0, samples) : out;
  }

  private static Anomaly anomaly(BarKey key, String detail, double measure) {
    return new Anomaly(key.venue(), key.symbol(), AnomalyTypes.BAR_DRIFT, key.startMicros(), detail, measure);
  }

  private void reportHealth() {
    Map<String, Number> gauges = new LinkedHashMap<>();
    gauges.put("minutes_reconciled", minutes.get());
    gauges.put("bars_not_reconciled", notReconciled.get());
    gauges.put("backfills_verified", verifiedHoles.get());
    gauges.put("last_drift_ratio", lastRatio);
    long upTo = next;
    health.report(ComponentHealth.ok(HEALTH_NAME, upTo == EventTimes.NONE ? "waiting for final bars"
        : "reconciled up to " + IsoTime.format(upTo), gauges));
  }
}
