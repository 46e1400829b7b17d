package io.tickwire.batcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.TickBatch;
import io.tickwire.codecs.Trade;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.Clock;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.Topology;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.StageContext;
import io.tickwire.router.RouterVerticle;
import io.tickwire.testing.Await;
import io.tickwire.testing.BarAssertions;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.ReferenceBars;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A batcher taking a partition at run time: the router has routed (and journaled) events nobody consumed yet; the
 * batcher replays them from {@code md.journal}, binds the live consumer, skips the router's redeliveries of the same
 * events, and in the end every bar is emitted once and equals a bar computed independently.
 */
@ExtendWith(VertxExtension.class)
class JournalTakeoverTest {
  private static final String GROUP = "test";
  private static final long START = 1_714_521_600_000_000L; // 2024-05-01T00:00:00Z
  private static final long[] INTERVALS = {1_000, 10_000, 60_000};

  @Test
  void aTakenPartitionIsRebuiltFromTheJournalAndRedeliveriesAreSkipped(Vertx vertx) {
    Settings settings = Pipelines.settings(vertx, List.of("pipeline.partitions=1", "batcher.instances=1",
        "synthetic.enabled=false", "pipeline.publish_to_observers=false", "pipeline.send_timeout_ms=1000",
        "cluster.replay_chunk_events=64"));
    Topology topology = new Topology(8, 1_000, false).addGroup(Addresses.INGRESS, RouterVerticle.GROUP)
        .addGroup(Addresses.ticks(0), MicroBatcherVerticle.GROUP).addGroup(Addresses.BARS, GROUP);
    List<Bar> bars = new CopyOnWriteArrayList<>();
    Await.result(CreditReceiver.<BarBatch>bind(vertx, Addresses.inbox(Addresses.BARS, GROUP), batch -> {
      bars.addAll(batch.items());
      return Future.succeededFuture();
    }));
    HealthRegistry health = new HealthRegistry();
    StageContext context = Pipelines.context(settings, topology, health);
    RouterVerticle router = new RouterVerticle(context, true);
    Await.result(vertx.deployVerticle(router));

    List<Trade> trades = trades(600);
    sendToRouter(vertx, topology, trades);
    Await.until(() -> router.routed() == trades.size(), Duration.ofSeconds(10), "every trade routed and journaled");

    MicroBatcherVerticle batcher = new MicroBatcherVerticle(context, 0, 1, true);
    String id = Await.result(vertx.deployVerticle(batcher));
    Await.result(batcher.take(0));
    assertThat(bars).as("bars of the windows the replay closed").isNotEmpty();
    Await.until(() -> skipped(health) == trades.size(), Duration.ofSeconds(20),
        "the router's redeliveries of the replayed events skipped");
    Await.result(vertx.undeploy(id)); // flushes the windows still open

    assertThat(bars.stream().map(BarAssertions::key).distinct()).as("each bar once").hasSize(bars.size());
    BarAssertions.assertMatches(BarAssertions.latestRevisions(bars), ReferenceBars.compute(trades, INTERVALS));
  }

  /** {@code n} trades 10 ms apart, prices wandering, sizes varying. */
  private static List<Trade> trades(int n) {
    List<Trade> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new Trade("test", "BTC-USD", Integer.toString(i + 1), Decimals.parse((100 + i % 7) + ".25"),
          Decimals.parse((1 + i % 3) + ".5"), Side.BUY, START + i * 10_000L, Clock.nowMicros(), 0));
    }
    return out;
  }

  /** Sends the trades to the router in batches of 200, from a context as an outlet wants. */
  private static void sendToRouter(Vertx vertx, Topology topology, List<Trade> trades) {
    Promise<Void> sent = Promise.promise();
    vertx.getOrCreateContext().runOnContext(v -> {
      Outlet<TickBatch> ingress = new Outlet<>(vertx, Addresses.INGRESS, topology);
      List<Future<Void>> admitted = new ArrayList<>();
      for (int from = 0; from < trades.size(); from += 200) {
        List<MarketEvent> batch = new ArrayList<>(trades.subList(from, Math.min(trades.size(), from + 200)));
        admitted.add(ingress.send(new TickBatch(TickBatch.UNPARTITIONED, batch)));
      }
      Future.all(admitted).<Void>mapEmpty().onComplete(sent);
    });
    Await.result(sent.future());
  }

  private static long skipped(HealthRegistry health) {
    var batcher = health.get("batcher.0");
    return batcher == null ? 0 : batcher.gauges().getOrDefault("events_skipped_as_applied", 0).longValue();
  }
}
