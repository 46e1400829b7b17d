package io.tickwire.feature;

import io.micrometer.core.instrument.Timer;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.BookSnapshotBatch;
import io.tickwire.codecs.FeatureBatch;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.SpotMidBatch;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.BestEffortConsumer;
import io.tickwire.codecs.InfoBarBatch;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.Topology;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.tickwire.health.StageContext;
import io.tickwire.metrics.Metrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Rolling features per (venue, symbol) on every close of the base interval ({@code features.base_interval}),
 * sent as {@link FeatureBatch}es to {@code md.features}, one per incoming bar batch.
 *
 * <p>Only the first close of a base bar (revision 0) is used. Revisions are ignored: folding a late correction
 * into rolling windows would mean re-running every window from that bar on, and a snapshot already sent (and
 * signals fired from it) cannot be taken back anyway; the revised bar still reaches the sinks. Bars of other
 * intervals are skipped, and so is a base bar at or before one already seen for its symbol.
 *
 * <p>Order-book features: the verticle also reads {@code md.books} (the batchers' book snapshots) and adds
 * {@code spread_bps}, {@code imbalance_5}, {@code microprice} and {@code mid} to a snapshot when its symbol has a
 * book snapshot at or before the snapshot's time and at most {@code books.feature_max_age_ms} older (see
 * {@link BookFeatureJoin}); otherwise they are absent, and rules using them do not fire.
 *
 * <p>Spot-mid features: with {@code derived.spot_mid.assets} configured, the verticle also reads {@code md.spot_mid}
 * (best-effort: the samples are made on the ingest node) and adds {@code spot_mid}, {@code basis},
 * {@code basis_bps} and {@code funding_rate} to the snapshots of each asset's symbols (see
 * {@link SpotMidFeatureJoin}).
 *
 * <p>An incoming batch is acknowledged once the feature batch it produced is admitted by every consumer group
 * of {@code md.features}, so a slow consumer holds the batcher back.
 */
public final class FeatureVerticle extends VerticleBase {
  public static final String GROUP = "feature";
  /** Spot-mid batches waiting: one a second per asset, so only a stalled event loop would fill it. */
  private static final int MID_QUEUE = 64;
  private static final System.Logger LOG = System.getLogger(FeatureVerticle.class.getName());

  private final Settings settings;
  private final Topology topology;
  private final HealthRegistry health;
  private final Metrics metrics;
  private long healthTimer;
  /** Evictions as of the last health report, for the metrics scrape on another thread. */
  private volatile long engineEvictionsSeen;
  private volatile long bookEvictionsSeen;
  private FeatureEngine engine;
  private BookFeatureJoin books;
  private InfoBarFeatures infoBars;
  /** Null when no spot-mid asset is configured. */
  private SpotMidFeatureJoin mids;
  private BestEffortConsumer<SpotMidBatch> midFeed;
  private Outlet<FeatureBatch> features;
  private Timer updateTime;

  public FeatureVerticle(StageContext context) {
    this.settings = context.settings();
    this.topology = context.topology();
    this.health = context.health();
    this.metrics = context.metrics();
  }

  @Override
  public Future<?> start() {
    engine = new FeatureEngine(settings.features(), settings.router().maxSymbols());
    infoBars = new InfoBarFeatures(settings.router().maxSymbols());
    books = new BookFeatureJoin(settings.books().featureMaxAgeMs(), settings.router().maxSymbols());
    metrics.evictions("features", () -> engineEvictionsSeen);
    metrics.evictions("feature_books", () -> bookEvictionsSeen);
    features = new Outlet<>(vertx, Addresses.FEATURES, topology);
    updateTime = metrics.timer(Metrics.FEATURE_UPDATE, "Time to update the rolling features with one"
        + " batch of bars");
    healthTimer = HealthReports.every(vertx, health, this::healthNow);
    Future<?> info = settings.batcher().shapes().infoBars().isEmpty() ? Future.succeededFuture()
        : CreditReceiver.<InfoBarBatch>bindLocal(vertx, Addresses.inbox(Addresses.BARS_INFO, GROUP), this::applyInfo,
            metrics);
    return Future.all(subscribeToMids(), info,
        // node-local: a symbol's rolling state lives on the node whose batcher owns its partition
        CreditReceiver.<BookSnapshotBatch>bindLocal(vertx, Addresses.inbox(Addresses.BOOKS, GROUP), this::keepBooks,
            metrics),
        CreditReceiver.<BarBatch>bindLocal(vertx, Addresses.inbox(Addresses.BARS, GROUP), this::apply,
            metrics));
  }

  private Future<?> subscribeToMids() {
    if (!settings.derived().spotMid().enabled()) {
      return Future.succeededFuture();
    }
    mids = new SpotMidFeatureJoin(settings.derived().spotMid());
    return BestEffortConsumer.<SpotMidBatch>subscribe(vertx, Addresses.SPOT_MID, MID_QUEUE, batch -> {
      batch.items().forEach(mids::add);
      return Future.succeededFuture();
    }).onSuccess(consumer -> midFeed = consumer);
  }

  /** Waits until every feature batch sent has been acknowledged. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(healthTimer);
    return features.drained().onComplete(v -> logSummary());
  }

  private Future<Void> apply(BarBatch batch) {
    long startNanos = System.nanoTime();
    List<FeatureSnapshot> snapshots = engine.apply(batch.items());
    updateTime.record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    if (snapshots.isEmpty()) {
      return Future.succeededFuture();
    }
    return sendJoined(snapshots, true);
  }

  /** A snapshot per information bar, on the symbol's newest time-bar features (see {@link InfoBarFeatures}). */
  private Future<Void> applyInfo(InfoBarBatch batch) {
    return sendJoined(infoBars.apply(batch.items()), false);
  }

  private Future<Void> sendJoined(List<FeatureSnapshot> snapshots, boolean timeBars) {
    List<FeatureSnapshot> withBooks = new ArrayList<>(snapshots.size());
    for (FeatureSnapshot snapshot : snapshots) {
      FeatureSnapshot joined = books.join(snapshot);
      withBooks.add(mids == null ? joined : mids.join(joined));
    }
    if (timeBars) {
      infoBars.remember(withBooks);
    }
    return features.send(new FeatureBatch(withBooks));
  }

  private Future<Void> keepBooks(BookSnapshotBatch batch) {
    for (BookSnapshot book : batch.items()) {
      books.add(book);
    }
    return Future.succeededFuture();
  }

  private ComponentHealth healthNow() {
    Map<String, Number> gauges = new LinkedHashMap<>();
    gauges.put("snapshots", engine.snapshots());
    gauges.put("skipped_bars", engine.skipped());
    gauges.put("out_of_order_bars", engine.outOfOrder());
    gauges.put("symbols", engine.symbols());
    if (!settings.batcher().shapes().infoBars().isEmpty()) {
      gauges.put("info_bar_symbols_evicted", infoBars.evictions());
    }
    gauges.put("snapshots_with_book", books.joined());
    gauges.put("snapshots_without_book", books.withoutBook());
    gauges.put("out_of_order_books", books.outOfOrder());
    gauges.put("books", books.books());
    gauges.put("symbols_max", settings.router().maxSymbols());
    if (mids != null) {
      gauges.put("spot_mid_samples", mids.samples());
      gauges.put("snapshots_with_spot_mid", mids.joined());
      gauges.put("snapshots_without_spot_mid", mids.withoutSample());
      gauges.put("spot_mid_batches_dropped", midFeed == null ? 0 : midFeed.dropped());
    }
    gauges.put("symbols_evicted", engine.evictions());
    gauges.put("books_evicted", books.evictions());
    engineEvictionsSeen = engine.evictions();
    bookEvictionsSeen = books.evictions();
    return ComponentHealth.ok("features", features.saturated() ? "held back by a features consumer" : "computing",
        gauges);
  }

  /** The engine's counters; read it on this verticle's event loop. */
  public FeatureEngine engine() {
    return engine;
  }

  private void logSummary() {
    LOG.log(System.Logger.Level.INFO, "features: {0} snapshots for {1} symbols, {2} bars skipped, {3} out of order",
        engine.snapshots(), engine.symbols(), engine.skipped(), engine.outOfOrder());
  }
}
