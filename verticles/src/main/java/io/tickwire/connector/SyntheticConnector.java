package io.tickwire.connector;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.TickBatch;
import io.tickwire.config.SyntheticSettings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Clock;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.Topology;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.HealthReports;
import io.tickwire.health.StageContext;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Feeds {@link SyntheticFeed} trades to the router at the configured rate. Pacing: each round generates the
 * events that are due by the wall clock (all of a batch at {@code max}), hands them over, and starts the next
 * round only when the ingress link has admitted the batch, so a slow pipeline slows the generator.
 */
public final class SyntheticConnector extends VerticleBase implements Source {
  /** How long a paced round waits when nothing is due: the granularity of generation times, so kept small. */
  private static final long IDLE_POLL_MS = 1;

  private final SyntheticSettings settings;
  private final Topology topology;
  private final HealthRegistry health;
  private long healthTimer;
  private final Promise<Void> finished = Promise.promise();
  private Outlet<TickBatch> ingress;
  private SyntheticFeed feed;
  private long startNanos;
  private volatile long emitted;
  private boolean stopping;

  public SyntheticConnector(StageContext context) {
    this.settings = context.settings().synthetic();
    this.topology = context.topology();
    this.health = context.health();
  }

  @Override
  public Future<?> start() {
    long now = Clock.nowMicros();
    feed = new SyntheticFeed(settings, settings.startTime() >= 0 ? settings.startTime() : now,
        settings.startTime() < 0);
    ingress = new Outlet<>(vertx, Addresses.INGRESS, topology);
    startNanos = System.nanoTime();
    healthTimer = HealthReports.every(vertx, health, this::healthNow);
    context.runOnContext(v -> round());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    stopping = true;
    vertx.cancelTimer(healthTimer);
    health.report(healthNow());
    return ingress.drained();
  }

  @Override
  public Future<Void> finished() {
    return finished.future();
  }

  @Override
  public boolean bounded() {
    return !settings.unbounded();
  }

  private ComponentHealth healthNow() {
    String state = stopping ? "stopped" : finished.future().isComplete() ? "finished" : ingress.saturated()
        ? "paused by back-pressure" : "running";
    return ComponentHealth.ok("connector.synthetic", state, Map.of("emitted", emitted));
  }

  public long emitted() {
    return emitted;
  }

  private void round() {
    if (stopping) {
      return;
    }
    long due = dueNow();
    if (due == 0) {
      if (exhausted()) {
        ingress.drained().onComplete(finished);
      } else {
        vertx.setTimer(IDLE_POLL_MS, id -> round());
      }
      return;
    }
    ingress.send(generate((int) Math.min(due, settings.batchSize())))
        .onSuccess(v -> context.runOnContext(x -> round()))
        .onFailure(finished::tryFail);
  }

  private boolean exhausted() {
    return !settings.unbounded() && emitted >= settings.count();
  }

  private long dueNow() {
    long cap = settings.unbounded() ? Long.MAX_VALUE : settings.count() - emitted;
    if (settings.maxRate()) {
      return Math.min(cap, settings.batchSize());
    }
    double elapsedSeconds = (System.nanoTime() - startNanos) / 1e9;
    long target = (long) (elapsedSeconds * settings.rate());
    return Math.min(cap, Math.max(0, target - emitted));
  }

  private TickBatch generate(int n) {
    long ingest = Clock.nowMicros();
    List<MarketEvent> events = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      events.add(feed.next(ingest));
    }
    emitted += n;
    return new TickBatch(TickBatch.UNPARTITIONED, events);
  }
}
