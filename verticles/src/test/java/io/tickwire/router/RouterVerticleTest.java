package io.tickwire.router;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.node.PipelineTopology;
import io.tickwire.codecs.Codecs;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.TickBatch;
import io.tickwire.codecs.Trade;
import io.tickwire.config.ConfigLoader;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Topology;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class RouterVerticleTest {
  private static final long NOW = 1_700_000_000_000_000L;

  private static Trade trade(String symbol, String id, String price, String size, long time) {
    return new Trade("test", symbol, id, Decimals.parse(price), Decimals.parse(size), Side.SELL, time, time, 0);
  }

  @Test
  void dropsDuplicatesAndPublishesEachAnomalyCountedByType(Vertx vertx) {
    Codecs.register(vertx);
    Settings settings = Settings.from(Await.result(ConfigLoader.load(vertx, null, Map.of(),
        List.of("pipeline.partitions=1", "detect.outlier_window=5", "detect.outlier_k=5"))));
    Topology topology = PipelineTopology.of(settings, java.util.EnumSet.of(io.tickwire.config.Role.INGEST),
        List.of()).addGroup(Addresses.TICKS + ".0", "batcher").addGroup(Addresses.ANOMALIES, "test");
    List<MarketEvent> routedEvents = new CopyOnWriteArrayList<>();
    Await.result(CreditReceiver.<TickBatch>bind(vertx, Addresses.inbox(Addresses.ticks(0), "batcher"), b -> {
      routedEvents.addAll(b.items());
      return Future.succeededFuture();
    }));
    List<io.tickwire.codecs.Anomaly> anomalies = new CopyOnWriteArrayList<>();
    Await.result(CreditReceiver.<io.tickwire.codecs.AnomalyBatch>bind(vertx,
        Addresses.inbox(Addresses.ANOMALIES, "test"), b -> {
          anomalies.addAll(b.items());
          return Future.succeededFuture();
        }));
    RouterVerticle router = new RouterVerticle(Pipelines.context(settings, topology));
    String routerId = Await.result(vertx.deployVerticle(router));

    List<MarketEvent> events = List.of(
        trade("BTC-USD", "1", "100.0", "1", NOW), trade("BTC-USD", "2", "100.1", "1", NOW + 1),
        trade("BTC-USD", "3", "99.9", "1", NOW + 2), trade("BTC-USD", "2", "100.1", "1", NOW + 1),
        trade("BTC-USD", "4", "100.0", "1", NOW + 3), trade("BTC-USD", "5", "100.2", "1", NOW + 4),
        trade("BTC-USD", "9", "100.1", "1", NOW + 5), trade("BTC-USD", "10", "250.0", "1", NOW + 6),
        trade("BTC-USD", "11", "100.0", "1", NOW - 5));
    Await.result(vertx.eventBus().request(Addresses.inbox(Addresses.INGRESS, RouterVerticle.GROUP),
        new TickBatch(TickBatch.UNPARTITIONED, events)));

    assertThat(routedEvents).extracting(e -> ((Trade) e).tradeId()).as("the duplicate of trade 2 is dropped")
        .containsExactly("1", "2", "3", "4", "5", "9", "10", "11");
    Await.until(() -> anomalies.size() == 3, Duration.ofSeconds(5), "three anomalies");
    assertThat(anomalies).extracting(io.tickwire.codecs.Anomaly::type)
        .containsExactly("duplicate", "outlier_price", "out_of_order");
    // Ids 6..8 may still arrive within the reorder window; once the stream ends they are lost.
    Await.result(vertx.undeploy(routerId));
    Await.until(() -> anomalies.size() == 4, Duration.ofSeconds(5), "the gap reported at stop");
    assertThat(anomalies.get(3).type()).isEqualTo("sequence_gap");
    assertThat(anomalies.get(3).measure()).as("ids 6, 7, 8 missing").isEqualTo(3.0);
  }

  @Test
  void rejectsBadEventsByReasonSamplesThemAndRoutesTheRestInSequence(Vertx vertx) {
    Codecs.register(vertx);
    Settings settings = Settings.from(Await.result(ConfigLoader.load(vertx, null, Map.of(),
        List.of("pipeline.partitions=4", "router.dlq_samples_per_sec=2"))));
    Topology topology = PipelineTopology.of(settings, java.util.EnumSet.of(io.tickwire.config.Role.INGEST, io.tickwire.config.Role.COMPUTE), List.of());
    List<TickBatch> routed = new CopyOnWriteArrayList<>();
    for (int p = 0; p < 4; p++) {
      Await.result(CreditReceiver.<TickBatch>bind(vertx, Addresses.inbox(Addresses.ticks(p), "batcher"), b -> {
        routed.add(b);
        return Future.succeededFuture();
      }));
    }
    List<JsonObject> deadLetters = new CopyOnWriteArrayList<>();
    vertx.eventBus().<JsonObject>consumer(Addresses.DLQ, m -> deadLetters.add(m.body()));
    RouterVerticle router = new RouterVerticle(Pipelines.context(settings, topology));
    Await.result(vertx.deployVerticle(router));

    List<MarketEvent> events = List.of(
        trade("BTC-USD", "1", "100", "1", NOW),
        trade("BTC-USD", "2", "0", "1", NOW),
        trade("BTC-USD", "3", "100", "-1", NOW),
        trade("", "4", "100", "1", NOW),
        trade("BTC-USD", "5", "-3", "1", NOW),
        trade("ETH-USD", "6", "10", "1", NOW),
        trade("BTC-USD", "7", "101", "1", NOW),
        trade("BTC-USD", "8", "101", "1", 0));
    Await.result(vertx.eventBus().request(Addresses.inbox(Addresses.INGRESS, RouterVerticle.GROUP),
        new TickBatch(TickBatch.UNPARTITIONED, events)));

    assertThat(router.deadLetters().rejected()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "bad_price", 2L, "bad_size", 1L, "missing_symbol", 1L, "bad_event_time", 1L));
    Await.until(() -> deadLetters.size() == 2, Duration.ofSeconds(5), "two sampled dead letters");
    assertThat(deadLetters.get(0).getString("reason")).isEqualTo("bad_price");
    assertThat(deadLetters.get(0).getJsonObject("event").getString("trade_id")).isEqualTo("2");

    List<Trade> good = routed.stream().flatMap(b -> b.items().stream()).map(Trade.class::cast).toList();
    assertThat(good).extracting(Trade::tradeId).containsExactlyInAnyOrder("1", "6", "7");
    assertThat(routed).allSatisfy(b -> assertThat(b.items())
        .allSatisfy(e -> assertThat(Partitioner.partition(e.venue(), e.symbol(), 4)).isEqualTo(b.partition())));
    for (TickBatch batch : routed) {
      assertThat(batch.items()).extracting(MarketEvent::seq).as("partition %d: 1..n in order", batch.partition())
          .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, batch.size()).boxed().toList());
    }
  }
}
