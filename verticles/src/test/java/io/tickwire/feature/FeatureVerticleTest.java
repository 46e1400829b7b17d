package io.tickwire.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.BookSnapshot;
import io.tickwire.codecs.BookSnapshotBatch;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.Side;
import io.tickwire.inference.CompiledRule;
import io.tickwire.inference.InferenceVerticle;
import io.tickwire.inference.Rule;
import io.tickwire.inference.RuleCompiler;
import io.tickwire.inference.Verdict;
import io.tickwire.codecs.FeatureBatch;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Topology;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class FeatureVerticleTest {
  private static final String BARS_INBOX = Addresses.inbox(Addresses.BARS, FeatureVerticle.GROUP);

  private static final String BOOKS_INBOX = Addresses.inbox(Addresses.BOOKS, FeatureVerticle.GROUP);
  private static final long S = 1_000_000L;

  private final List<FeatureBatch> received = new CopyOnWriteArrayList<>();
  private Vertx vertx;
  private Settings settings;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    settings = Pipelines.settings(vertx, List.of("features.base_interval=1s", "books.feature_max_age_ms=3000",
        "features.windows=[{name: ret_2s, kind: return, horizon: 2s}, {name: rsi_3, kind: rsi, period: 3},"
            + " {name: volume_3s, kind: volume, horizon: 3s}]"));
    Topology topology = new Topology(8, 30_000, false).addGroup(Addresses.FEATURES, "test");
    Await.result(CreditReceiver.<FeatureBatch>bind(vertx, Addresses.inbox(Addresses.FEATURES, "test"), batch -> {
      received.add(batch);
      return Future.succeededFuture();
    }));
    Await.result(vertx.deployVerticle(new FeatureVerticle(Pipelines.context(settings, topology))));
  }

  @Test
  void emitsOneSnapshotPerBaseCloseWithFeaturesOnceTheirHistoryIsThere() {
    List<Bar> bars = new ArrayList<>();
    double[] closes = {100, 101, 99, 102, 103};
    for (int i = 0; i < closes.length; i++) {
      bars.add(FeatureBars.bar(i, closes[i], i + 1, closes[i], 1));
    }
    send(bars);

    List<FeatureSnapshot> snapshots = awaitSnapshots(5);
    assertThat(received).hasSize(1);
    assertThat(snapshots).extracting(FeatureSnapshot::ts)
        .containsExactlyElementsOf(bars.stream().map(Bar::end).toList());
    assertThat(snapshots).extracting(FeatureSnapshot::price).containsExactly(100.0, 101.0, 99.0, 102.0, 103.0);
    assertThat(snapshots).allSatisfy(s -> {
      assertThat(s.venue()).isEqualTo("test");
      assertThat(s.symbol()).isEqualTo("BTC-USD");
    });
    assertThat(snapshots.get(0).features()).as("no history yet: absent, not 0").isEmpty();
    assertThat(snapshots.get(1).features()).isEmpty();
    assertThat(snapshots.get(2).features()).containsOnlyKeys("ret_2s", "volume_3s");
    assertThat(snapshots.get(2).features().get("ret_2s")).isCloseTo(99.0 / 100 - 1, within(1e-15));
    assertThat(snapshots.get(2).features().get("volume_3s")).isEqualTo(1.0 + 2 + 3);
    assertThat(snapshots.get(3).features()).containsOnlyKeys("ret_2s", "volume_3s", "rsi_3");
    assertThat(snapshots.get(4).features().get("volume_3s")).isEqualTo(3.0 + 4 + 5);
  }

  @Test
  void ignoresOtherIntervalsRevisionsAndRepeatedBars() {
    Bar first = FeatureBars.close(0, 100);
    Bar tenSeconds = new Bar("test", "BTC-USD", 10_000, first.start(), 1, 1, 1, 1, 1, 1, 1, 0);
    Bar revision = new Bar("test", "BTC-USD", 1000, first.start(), 50, 50, 50, 50, 9, 50, 9, 1);
    send(List.of(tenSeconds, revision));
    send(List.of(first, tenSeconds, revision, first));
    send(List.of(FeatureBars.close(1, 110), FeatureBars.close(2, 121)));

    List<FeatureSnapshot> snapshots = awaitSnapshots(3);
    assertThat(received).as("a batch without base closes sends nothing").hasSize(2);
    assertThat(received.get(0).items()).hasSize(1);
    assertThat(snapshots).extracting(FeatureSnapshot::price).containsExactly(100.0, 110.0, 121.0);
    assertThat(snapshots.get(2).features().get("ret_2s")).isCloseTo(121.0 / 100 - 1, within(1e-15));
    assertThat(snapshots.get(2).features().get("volume_3s")).isEqualTo(3.0);
  }

  @Test
  void keepsSeparateStatePerVenueAndSymbol() {
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      bars.add(FeatureBars.close(i, 100 + i));
      bars.add(new Bar("other", "BTC-USD", 1000, FeatureBars.close(i, 0).start(), 1, 1, 1, 10 + i, 1, 1, 1, 0));
    }
    bars.add(new Bar("test", "ETH-USD", 1000, FeatureBars.close(2, 0).start(), 1, 1, 1, 5, 1, 5, 1, 0));
    send(bars);

    List<FeatureSnapshot> snapshots = awaitSnapshots(7);
    assertThat(snapshots.get(4).features().get("ret_2s")).isCloseTo(102.0 / 100 - 1, within(1e-15));
    assertThat(snapshots.get(5).features().get("ret_2s")).isCloseTo(12.0 / 10 - 1, within(1e-15));
    assertThat(snapshots.get(6).features()).as("first ETH bar").isEmpty();
  }

  @Test
  void snapshotsCarryTheFeaturesOfTheNewestBookAtOrBeforeThemWithinTheAgeBound() {
    long t0 = FeatureBars.T0_MICROS;
    sendBooks(book("BTC-USD", t0 + S, "100", "100.2", "1", "3"), book("BTC-USD", t0 + 2 * S, "101", "101.1", "2", "2"),
        book("BTC-USD", t0 + 9 * S, "200", "201", "1", "1"));
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      bars.add(FeatureBars.close(i, 100 + i));
    }
    bars.add(new Bar("test", "ETH-USD", 1000, FeatureBars.close(0, 0).start(), 1, 1, 1, 5, 1, 5, 1, 0));
    send(bars);

    List<FeatureSnapshot> snapshots = awaitSnapshots(7);
    assertThat(snapshots.get(0).features()).as("book at the bar's close").containsOnlyKeys("spread_bps",
        "imbalance_5", "microprice", "mid");
    assertThat(snapshots.get(0).features().get("mid")).isCloseTo(100.1, within(1e-12));
    assertThat(snapshots.get(0).features().get("microprice")).isCloseTo((100 * 3 + 100.2 * 1) / 4.0, within(1e-12));
    assertThat(snapshots.get(0).features().get("imbalance_5")).isCloseTo(-0.5, within(1e-15));
    assertThat(snapshots.get(0).features().get("spread_bps")).isCloseTo(0.2 / 100.1 * 10_000, within(1e-9));
    assertThat(snapshots.subList(1, 5)).as("the book at 2s, up to 3s old; never the one from after the close")
        .allSatisfy(s -> assertThat(s.features().get("mid")).isCloseTo(101.05, within(1e-12)));
    assertThat(snapshots.get(4).features()).as("ret_2s and volume_3s still there")
        .containsKeys("ret_2s", "volume_3s", "rsi_3");
    assertThat(snapshots.get(5).features()).as("the newest book before 6s is 4s old").doesNotContainKey("mid")
        .containsKey("ret_2s");
    assertThat(snapshots.get(6).features()).as("ETH has no book").isEmpty();
  }

  @Test
  void aRuleOverBookFeaturesCompilesWithThePipelinesNamesAndFiresOnJoinedSnapshots() {
    long t0 = FeatureBars.T0_MICROS;
    sendBooks(book("BTC-USD", t0 + S, "100", "100.01", "9", "1"));
    send(List.of(FeatureBars.close(0, 100), FeatureBars.close(1, 100)));
    List<FeatureSnapshot> snapshots = awaitSnapshots(2);

    RuleCompiler compiler = new RuleCompiler(InferenceVerticle.featureNames(settings), 1000);
    CompiledRule rule = compiler.compile(new Rule("tight_bid_heavy", "spread_bps < 5 && imbalance_5 > 0.5"
        + " && microprice > mid", 1, 0.5, 0, true, 1));
    assertThat(rule.features()).containsExactlyInAnyOrder("spread_bps", "imbalance_5", "microprice", "mid");
    assertThat(rule.evaluate(snapshots.get(0))).isEqualTo(Verdict.TRUE);
    assertThat(rule.evaluate(snapshots.get(1))).as("bar at 2s: the 1s book is still young enough")
        .isEqualTo(Verdict.TRUE);
  }

  @Test
  void withoutABookARuleOverBookFeaturesDoesNotFire() {
    send(List.of(FeatureBars.close(0, 100)));
    RuleCompiler compiler = new RuleCompiler(InferenceVerticle.featureNames(settings), 1000);
    CompiledRule rule = compiler.compile(new Rule("r", "spread_bps < 5", 1, 0.5, 0, true, 1));
    assertThat(rule.evaluate(awaitSnapshots(1).get(0))).isEqualTo(Verdict.MISSING_FEATURE);
  }

  /** A one-level book: bid and ask prices and sizes. */
  private static BookSnapshot book(String symbol, long ts, String bid, String ask, String bidSize, String askSize) {
    io.tickwire.book.OrderBook b = new io.tickwire.book.OrderBook("test", symbol);
    b.apply(Side.BUY, Decimals.parse(bid), Decimals.parse(bidSize));
    b.apply(Side.SELL, Decimals.parse(ask), Decimals.parse(askSize));
    return new BookSnapshot("test", symbol, ts, b.topLevels(Side.BUY, 10), b.topLevels(Side.SELL, 10), b.mid(),
        b.spreadBps(), b.imbalance(5), b.microprice());
  }

  /** Books are taken before bars arrive, as in the pipeline where books usually run ahead of bar closes. */
  private void sendBooks(BookSnapshot... books) {
    Await.result(vertx.eventBus().request(BOOKS_INBOX, new BookSnapshotBatch(List.of(books))));
  }

  private void send(List<Bar> bars) {
    Await.result(vertx.eventBus().request(BARS_INBOX, new BarBatch(bars)));
  }

  private List<FeatureSnapshot> awaitSnapshots(int count) {
    Await.until(() -> snapshots().size() >= count, Duration.ofSeconds(10), count + " snapshots");
    return snapshots();
  }

  private List<FeatureSnapshot> snapshots() {
    return received.stream().flatMap(b -> b.items().stream()).toList();
  }
}
