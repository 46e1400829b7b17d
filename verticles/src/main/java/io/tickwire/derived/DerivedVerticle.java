package io.tickwire.derived;

import io.tickwire.codecs.IvSurface;
import io.tickwire.codecs.IvSurfaceBatch;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.SpotMid;
import io.tickwire.codecs.SpotMidBatch;
import io.tickwire.codecs.TickBatch;
import io.tickwire.config.DerivedSettings;
import io.tickwire.config.Settings;
import io.tickwire.derived.mid.SpotMidEngine;
import io.tickwire.derived.sampling.PartitionWatermarks;
import io.tickwire.derived.surface.SurfaceEngine;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.Topology;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.StageContext;
import io.tickwire.metrics.Metrics;
import io.tickwire.health.HealthReports;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;

/**
 * The streams derived across venues and instruments: consolidated spot mids ({@code md.spot_mid}) and
 * implied-volatility smiles ({@code md.iv_surface}), from every routed partition.
 *
 * <p>Why beside the router, on the ingest node: an asset's venues and an option chain's instruments hash to
 * different partitions, so these streams need every partition, and the ingest node is the one place they all pass
 * (a cluster has one). Its inboxes {@code md.ticks.<p>#derived} are node-local, so in a cluster the router's links
 * reach this instance and no other. The links are lossless, and a sample is taken only once the partitions it
 * waits for have passed it ({@link PartitionWatermarks}), so it holds every input stamped at or before it and a
 * replay takes the same samples. A tick batch is acknowledged once the samples it brought due are admitted
 * downstream.
 */
public final class DerivedVerticle extends VerticleBase {
  public static final String GROUP = "derived";
  private static final System.Logger LOG = System.getLogger(DerivedVerticle.class.getName());

  private final Settings settings;
  private final Topology topology;
  private final HealthRegistry health;
  private final Metrics metrics;
  private PartitionWatermarks watermarks;
  private SpotMidEngine mids;
  private SurfaceEngine surfaces;
  private Outlet<SpotMidBatch> midOut;
  private Outlet<IvSurfaceBatch> surfaceOut;
  private long healthTimer = -1;

  public DerivedVerticle(StageContext context) {
    this.settings = context.settings();
    this.topology = context.topology();
    this.health = context.health();
    this.metrics = context.metrics();
  }

  @Override
  public Future<?> start() {
    DerivedSettings derived = settings.derived();
    watermarks = new PartitionWatermarks(settings.pipeline().partitions());
    mids = derived.spotMid().enabled() ? new SpotMidEngine(derived.spotMid(), watermarks) : null;
    surfaces = derived.ivSurface().enabled() ? new SurfaceEngine(derived.ivSurface(), watermarks) : null;
    midOut = new Outlet<>(vertx, Addresses.SPOT_MID, topology);
    surfaceOut = new Outlet<>(vertx, Addresses.IV_SURFACE, topology);
    DerivedHealth.register(metrics, mids, surfaces);
    healthTimer = vertx.setPeriodic(HealthReports.PERIOD_MS, id -> reportHealth());
    reportHealth();
    List<Future<?>> bound = new ArrayList<>();
    for (int p = 0; p < settings.pipeline().partitions(); p++) {
      bound.add(CreditReceiver.<TickBatch>bindLocal(vertx, Addresses.inbox(Addresses.ticks(p), GROUP), this::apply,
          metrics));
    }
    return Future.all(bound);
  }

  /** Takes the samples still waiting for a partition (the sources have stopped), then waits for them to be admitted. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(healthTimer);
    List<SpotMid> samples = new ArrayList<>(0);
    List<IvSurface> smiles = new ArrayList<>(0);
    if (mids != null) {
      mids.flush(samples);
    }
    if (surfaces != null) {
      surfaces.flush(smiles);
    }
    return send(samples, smiles).compose(v -> Outlet.drainedAll(List.of(midOut, surfaceOut))).onComplete(v -> {
      reportHealth();
      LOG.log(System.Logger.Level.INFO, "derived: spot mids {0}, surfaces {1}",
          mids == null ? "off" : mids.gauges(), surfaces == null ? "off" : surfaces.gauges());
    });
  }

  /** An empty batch is the router's word that the partition is idle: it is waited for no more. */
  private Future<Void> apply(TickBatch batch) {
    List<SpotMid> samples = new ArrayList<>(0);
    List<IvSurface> smiles = new ArrayList<>(0);
    if (batch.items().isEmpty()) {
      watermarks.idle(batch.partition());
    }
    for (MarketEvent event : batch.items()) {
      watermarks.event(batch.partition(), event.eventTime());
      if (mids != null) {
        mids.apply(event, samples);
      }
      if (surfaces != null) {
        surfaces.apply(event, smiles);
      }
    }
    // The batch moved its partition on, which may complete samples that other partitions' inputs brought due.
    if (mids != null) {
      mids.drainAll(samples);
    }
    if (surfaces != null) {
      surfaces.drainAll(smiles);
    }
    return send(samples, smiles);
  }

  private Future<Void> send(List<SpotMid> samples, List<IvSurface> smiles) {
    Future<Void> midsSent = samples.isEmpty() ? Future.succeededFuture() : midOut.send(new SpotMidBatch(samples));
    Future<Void> smilesSent = smiles.isEmpty() ? Future.succeededFuture()
        : surfaceOut.send(new IvSurfaceBatch(smiles));
    return Future.all(midsSent, smilesSent).mapEmpty();
  }

  private void reportHealth() {
    if (mids != null) {
      health.report(DerivedHealth.spotMid(mids));
    }
    if (surfaces != null) {
      health.report(DerivedHealth.ivSurface(surfaces));
    }
  }
}
