package io.tickwire.batcher;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.TickBatch;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Clock;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.Topology;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns routed ticks into OHLCV bars for the partitions it owns ({@code p % instances == index}), one
 * {@link PartitionWindows} each, and sends the bars to {@code md.bars}. A tick batch is acknowledged once the
 * bars it produced are admitted downstream, so bar consumers back-pressure the router.
 */
public final class MicroBatcherVerticle extends VerticleBase {
  public static final String GROUP = "batcher";

  private final Settings settings;
  private final Topology topology;
  private final int index;
  private final int instances;
  private final Map<Integer, PartitionWindows> owned = new LinkedHashMap<>();
  private Outlet<BarBatch> bars;
  private long idleTimer = -1;
  private boolean idleSendPending;

  public MicroBatcherVerticle(Settings settings, Topology topology, int index, int instances) {
    this.settings = settings;
    this.topology = topology;
    this.index = index;
    this.instances = instances;
  }

  @Override
  public Future<?> start() {
    bars = new Outlet<>(vertx, Addresses.BARS, topology);
    List<Future<?>> bound = new ArrayList<>();
    for (int p = index; p < settings.pipeline().partitions(); p += instances) {
      PartitionWindows windows = new PartitionWindows(settings.batcher());
      owned.put(p, windows);
      bound.add(CreditReceiver.<TickBatch>bind(vertx, Addresses.inbox(Addresses.ticks(p), GROUP),
          batch -> apply(windows, batch)));
    }
    idleTimer = vertx.setPeriodic(idleCheckPeriodMs(), id -> checkIdle());
    return Future.all(bound);
  }

  /** Flushes every open window and waits until the last bars are acknowledged. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(idleTimer);
    List<Bar> out = new ArrayList<>();
    for (PartitionWindows windows : owned.values()) {
      windows.flush(out);
    }
    return emit(out).compose(v -> bars.drained());
  }

  private long idleCheckPeriodMs() {
    return Math.max(10, Math.min(250, settings.batcher().idleTimeoutMs() / 4));
  }

  private Future<Void> apply(PartitionWindows windows, TickBatch batch) {
    List<Bar> out = new ArrayList<>();
    long arrival = Clock.nowMicros();
    for (MarketEvent event : batch.items()) {
      windows.onEvent(event, arrival, out);
    }
    return emit(out);
  }

  private void checkIdle() {
    if (idleSendPending) {
      return;
    }
    List<Bar> out = new ArrayList<>();
    long now = Clock.nowMicros();
    for (PartitionWindows windows : owned.values()) {
      windows.onIdleCheck(now, out);
    }
    if (!out.isEmpty()) {
      idleSendPending = true;
      emit(out).onComplete(r -> idleSendPending = false);
    }
  }

  private Future<Void> emit(List<Bar> out) {
    return out.isEmpty() ? Future.succeededFuture() : bars.send(new BarBatch(out));
  }

  /** The windows of each owned partition, by partition number. */
  public Map<Integer, PartitionWindows> partitions() {
    return Map.copyOf(owned);
  }
}
