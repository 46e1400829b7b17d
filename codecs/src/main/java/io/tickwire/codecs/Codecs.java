package io.tickwire.codecs;

import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;

/** The event-bus codecs of every batch type, and their one-time registration on a Vertx instance. */
public final class Codecs {
  public static final BatchCodec<TickBatch, MarketEvent> TICK_BATCH = new BatchCodec<>(
      "tickwire.TickBatch.v1", TickBatch.class, EventWireFormat.INSTANCE, TickBatch::partition, TickBatch::new);
  public static final BatchCodec<BarBatch, Bar> BAR_BATCH = new BatchCodec<>(
      "tickwire.BarBatch.v1", BarBatch.class, BarWireFormat.INSTANCE, b -> 0, (h, items) -> new BarBatch(items));
  public static final BatchCodec<FeatureBatch, FeatureSnapshot> FEATURE_BATCH = new BatchCodec<>(
      "tickwire.FeatureBatch.v1", FeatureBatch.class, FeatureWireFormat.INSTANCE, b -> 0,
      (h, items) -> new FeatureBatch(items));
  public static final BatchCodec<SignalBatch, Signal> SIGNAL_BATCH = new BatchCodec<>(
      "tickwire.SignalBatch.v1", SignalBatch.class, SignalWireFormat.INSTANCE, b -> 0,
      (h, items) -> new SignalBatch(items));
  public static final BatchCodec<AnomalyBatch, Anomaly> ANOMALY_BATCH = new BatchCodec<>(
      "tickwire.AnomalyBatch.v1", AnomalyBatch.class, AnomalyWireFormat.INSTANCE, b -> 0,
      (h, items) -> new AnomalyBatch(items));
  public static final BatchCodec<BookSnapshotBatch, BookSnapshot> BOOK_SNAPSHOT_BATCH = new BatchCodec<>(
      "tickwire.BookSnapshotBatch.v1", BookSnapshotBatch.class, BookSnapshotWireFormat.INSTANCE, b -> 0,
      (h, items) -> new BookSnapshotBatch(items));
  public static final BatchCodec<SpotMidBatch, SpotMid> SPOT_MID_BATCH = new BatchCodec<>(
      "tickwire.SpotMidBatch.v1", SpotMidBatch.class, SpotMidWireFormat.INSTANCE, b -> 0,
      (h, items) -> new SpotMidBatch(items));
  public static final BatchCodec<IvSurfaceBatch, IvSurface> IV_SURFACE_BATCH = new BatchCodec<>(
      "tickwire.IvSurfaceBatch.v1", IvSurfaceBatch.class, IvSurfaceWireFormat.INSTANCE, b -> 0,
      (h, items) -> new IvSurfaceBatch(items));
  public static final BatchCodec<InfoBarBatch, InfoBar> INFO_BAR_BATCH = new BatchCodec<>(
      "tickwire.InfoBarBatch.v1", InfoBarBatch.class, InfoBarWireFormat.INSTANCE, b -> 0,
      (h, items) -> new InfoBarBatch(items));

  public static final List<BatchCodec<?, ?>> ALL =
      List.of(TICK_BATCH, BAR_BATCH, FEATURE_BATCH, SIGNAL_BATCH, ANOMALY_BATCH, BOOK_SNAPSHOT_BATCH,
          SPOT_MID_BATCH, IV_SURFACE_BATCH, INFO_BAR_BATCH);

  // Weak: a closed Vertx must not be kept alive by having had codecs registered.
  private static final Set<Vertx> REGISTERED = Collections.newSetFromMap(new WeakHashMap<>());

  private Codecs() {
  }

  /**
   * Registers every batch codec as the default codec for its class. Idempotent per Vertx instance, because the
   * event bus rejects a second registration and several entry points (launcher, tests, CLI) may call this.
   */
  public static synchronized void register(Vertx vertx) {
    if (REGISTERED.contains(vertx)) {
      return;
    }
    EventBus bus = vertx.eventBus();
    for (BatchCodec<?, ?> codec : ALL) {
      registerDefault(bus, codec);
    }
    REGISTERED.add(vertx);
  }

  private static <B extends Batch<E>, E> void registerDefault(EventBus bus, BatchCodec<B, E> codec) {
    bus.registerDefaultCodec(codec.type(), codec);
  }
}
