package io.tickwire.batcher;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.TickBatch;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Clock;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.Topology;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns routed ticks into OHLCV bars for the partitions it owns ({@code p % instances == index}), one
 * {@link PartitionWindows} each, and sends the bars to {@code md.bars}. A tick batch is acknowledged once the
 * bars it produced are admitted downstream, so bar consumers back-pressure the router. An empty tick batch is
 * the router's word that the partition's source is idle.
 */
public final class MicroBatcherVerticle extends VerticleBase {
  public static final String GROUP = "batcher";
  private static final System.Logger LOG = System.getLogger(MicroBatcherVerticle.class.getName());

  private final Settings settings;
  private final Topology topology;
  private final int index;
  private final int instances;
  private final HealthRegistry health;
  private long healthTimer;
  private final Map<Integer, PartitionWindows> owned = new LinkedHashMap<>();
  private Outlet<BarBatch> bars;

  public MicroBatcherVerticle(Settings settings, Topology topology, int index, int instances,
      HealthRegistry health) {
    this.health = health;
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
    healthTimer = HealthReports.every(vertx, health, this::healthNow);
    return Future.all(bound);
  }

  /** Flushes every open window and waits until the last bars are acknowledged. */
  @Override
  public Future<?> stop() {
    vertx.cancelTimer(healthTimer);
    List<Bar> out = new ArrayList<>();
    for (PartitionWindows windows : owned.values()) {
      windows.flush(out);
    }
    return emit(out).compose(v -> bars.drained()).onComplete(v -> logSummary());
  }

  private Future<Void> apply(PartitionWindows windows, TickBatch batch) {
    List<Bar> out = new ArrayList<>();
    long now = Clock.nowMicros();
    if (batch.items().isEmpty()) {
      windows.onIdleCheck(now, out);
    } else {
      windows.onEvents(batch.items(), now, out);
    }
    return emit(out);
  }

  private Future<Void> emit(List<Bar> out) {
    return out.isEmpty() ? Future.succeededFuture() : bars.send(new BarBatch(out));
  }

  /** Bars closed so far by this instance's partitions (first emissions; revisions are counted apart). */
  public long barsClosed() {
    long closed = 0;
    for (PartitionWindows windows : owned.values()) {
      closed += windows.counters().barsClosed();
    }
    return closed;
  }

  private Map<String, Number> totals() {
    long trades = 0;
    long closed = 0;
    long revised = 0;
    long dropped = 0;
    for (PartitionWindows windows : owned.values()) {
      WindowCounters c = windows.counters();
      trades += c.trades();
      closed += c.barsClosed();
      revised += c.lateRevised();
      dropped += c.lateDropped();
    }
    Map<String, Number> gauges = new LinkedHashMap<>();
    gauges.put("partitions", owned.size());
    gauges.put("trades", trades);
    gauges.put("bars_closed", closed);
    gauges.put("late_revised", revised);
    gauges.put("late_dropped", dropped);
    return gauges;
  }

  private ComponentHealth healthNow() {
    return ComponentHealth.ok("batcher." + index, bars.saturated() ? "held back by a bar consumer" : "windowing",
        totals());
  }

  private void logSummary() {
    LOG.log(System.Logger.Level.INFO, "batcher {0}/{1}: {2}", index, instances, totals());
  }
}
