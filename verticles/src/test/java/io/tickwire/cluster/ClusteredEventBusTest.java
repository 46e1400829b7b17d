package io.tickwire.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyBatch;
import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.Batch;
import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.BookSnapshotBatch;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Codecs;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.FeatureBatch;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.IvSurface;
import io.tickwire.codecs.InfoBar;
import io.tickwire.codecs.InfoBarBatch;
import io.tickwire.codecs.IvSurfaceBatch;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.Signal;
import io.tickwire.codecs.SignalBatch;
import io.tickwire.codecs.SmilePoint;
import io.tickwire.codecs.SpotMid;
import io.tickwire.codecs.SpotMidBatch;
import io.tickwire.codecs.TickBatch;
import io.tickwire.codecs.Trade;
import io.tickwire.codecs.VenueQuote;
import io.tickwire.config.ClusterSettings;
import io.tickwire.config.Role;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.testing.Await;
import io.tickwire.testing.DerivativeSamples;
import io.tickwire.testing.FreePorts;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Two clustered nodes in one JVM on loopback: what crosses between them, and what must stay on its node. */
// Each test is a few round trips between joined nodes; a minute means the cluster is stuck.
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ClusteredEventBusTest {
  private static final long T0 = 1_714_521_600_000_000L;
  private static Clustering.Member a;
  private static Clustering.Member b;

  @BeforeAll
  @Timeout(value = 3, unit = TimeUnit.MINUTES) // two joins of up to 30 s each, then the membership settling
  static void joinTwoNodes() throws Exception {
    String name = "eb-" + UUID.randomUUID();
    List<Integer> ports = FreePorts.loopback(2);
    a = Clustering.join(settings(name, ports, ports.get(0)), false);
    b = Clustering.join(settings(name, ports, ports.get(1)), false);
    Await.until(() -> a.nodes().size() == 2 && b.nodes().size() == 2, Duration.ofSeconds(30), "two members");
  }

  /** A member of cluster {@code name} listening on {@code port}, one of the members' {@code ports}. */
  private static ClusterSettings settings(String name, List<Integer> ports, int port) {
    return new ClusterSettings(name, ports.stream().map(FreePorts::member).toList(), "127.0.0.1", port,
        "127.0.0.1", 0, null, null, 30_000, EnumSet.allOf(Role.class), new ClusterSettings.Ownership(500, 4096), null);
  }

  @AfterAll
  static void leave() {
    Await.result(a.vertx().close());
    Await.result(b.vertx().close());
  }

  @Test
  void everyBatchTypeCrossesNodesIntact() {
    List<Batch<?>> samples = List.of(
        new TickBatch(3, List.of(
            new Trade("coinbase", "BTC-USD", "t-1", Decimals.parse("65000.10"), Decimals.parse("0.5"), Side.SELL, T0,
                T0 + 5, 7),
            new Trade("coinbase", "BTC-USD", "t-0", Decimals.parse("64999.90"), Decimals.parse("0.1"), Side.BUY,
                T0 - 1, T0 + 5, 6).asBackfill(),
            new Quote("binance", "ETHUSDT", Decimals.parse("3100.25"), Decimals.parse("1.2"),
                Decimals.parse("3100.26"), Decimals.parse("0.8"), T0, T0 + 1, 8),
            new BookUpdate("kraken", "XBT/USD", true, List.of(new BookLevel(Side.BUY, Decimals.parse("64999.9"),
                Decimals.parse("1.5"))), T0, T0 + 2, 9),
            new FeedGap("kraken", "XBT/USD", "disconnected: 1006", T0 + 3, T0 + 3, 10),
            DerivativeSamples.optionTicker("BTC-28JUN24-60000-C", T0 + 4),
            DerivativeSamples.markFunding("BTCUSDT", T0 + 5), DerivativeSamples.volatilityIndex("btc_usd", T0 + 6))),
        new BarBatch(List.of(new Bar("coinbase", "BTC-USD", 1_000, T0, 1.0, 2.0, 0.5, 1.5, 10.0, 1.2, 42, 0))),
        new FeatureBatch(List.of(new FeatureSnapshot("coinbase", "BTC-USD", T0, 65000.1, Map.of("rsi_14", 55.5)))),
        new SignalBatch(List.of(new Signal("coinbase", "BTC-USD", T0, "dip", 1.0, 0.6, Map.of("rule", "dip")))),
        new AnomalyBatch(List.of(new Anomaly("coinbase", "BTC-USD", "outlier_price", T0, "12 MADs", 12.0))),
        new BookSnapshotBatch(List.of(new BookSnapshot("kraken", "XBT/USD", T0,
            List.of(new BookLevel(Side.BUY, Decimals.parse("100.0"), Decimals.parse("2"))),
            List.of(new BookLevel(Side.SELL, Decimals.parse("100.5"), Decimals.parse("1"))), 100.25, 49.9, 0.33,
            100.33))),
        new SpotMidBatch(List.of(new SpotMid("BTC", T0, 65000.15, SpotMid.OK, 1, 0.0, List.of(new VenueQuote(
            "coinbase", "BTC-USD", Decimals.parse("65000.10"), Decimals.parse("0.5"), Decimals.parse("65000.20"),
            Decimals.parse("1.25"), T0 - 120_000, 120, true)), 65010.5, 10.35, 1.5923, 0.0001))),
        new IvSurfaceBatch(List.of(new IvSurface("deribit", "BTC", T0 + 86_400_000_000L, T0, 65100.5, 52.25, 12, 2,
            850, List.of(new SmilePoint(Decimals.parse("60000"), 55.5))))),
        new InfoBarBatch(List.of(new InfoBar("coinbase", "BTC-USD", InfoBar.Kind.VOLUME, 5, T0, T0 + 2_500_000,
            65000.1, 65010.0, 64990.5, 65001.0, 5.25, 341256.5, 12, "t-1"))));
    assertThat(samples).extracting(Object::getClass).as("one sample per registered codec")
        .hasSize(Codecs.ALL.size());
    List<Object> received = new CopyOnWriteArrayList<>();
    Await.result(b.vertx().eventBus().consumer("test.cross", m -> {
      received.add(m.body());
      m.reply(null);
    }).completion());

    for (Batch<?> sample : samples) {
      Await.result(a.vertx().eventBus().request("test.cross", sample));
    }
    assertThat(received).containsExactlyElementsOf(samples);
  }

  @Test
  void aNodeLocalInboxIsFedOnlyByItsOwnNode() {
    List<String> atA = new CopyOnWriteArrayList<>();
    List<String> atB = new CopyOnWriteArrayList<>();
    Await.result(CreditReceiver.<BarBatch>bindLocal(a.vertx(), "test.local#feature", batch -> {
      atA.add(batch.items().get(0).symbol());
      return Future.succeededFuture();
    }));
    Await.result(CreditReceiver.<BarBatch>bindLocal(b.vertx(), "test.local#feature", batch -> {
      atB.add(batch.items().get(0).symbol());
      return Future.succeededFuture();
    }));
    for (int i = 0; i < 10; i++) {
      Await.result(a.vertx().eventBus().request("test.local#feature", bar("A" + i)));
      Await.result(b.vertx().eventBus().request("test.local#feature", bar("B" + i)));
    }
    assertThat(atA).hasSize(10).allSatisfy(s -> assertThat(s).startsWith("A"));
    assertThat(atB).hasSize(10).allSatisfy(s -> assertThat(s).startsWith("B"));
  }

  private static BarBatch bar(String symbol) {
    return new BarBatch(List.of(new Bar("v", symbol, 1_000, T0, 1, 1, 1, 1, 1, 1, 1, 0)));
  }
}
