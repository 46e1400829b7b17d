package io.tickwire.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
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

  private final List<FeatureBatch> received = new CopyOnWriteArrayList<>();
  private Vertx vertx;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    Settings settings = Pipelines.settings(vertx, List.of("features.base_interval=1s",
        "features.windows=[{name: ret_2s, kind: return, horizon: 2s}, {name: rsi_3, kind: rsi, period: 3},"
            + " {name: volume_3s, kind: volume, horizon: 3s}]"));
    Topology topology = new Topology(8, 30_000, false).addGroup(Addresses.FEATURES, "test");
    Await.result(CreditReceiver.<FeatureBatch>bind(vertx, Addresses.inbox(Addresses.FEATURES, "test"), batch -> {
      received.add(batch);
      return Future.succeededFuture();
    }));
    Await.result(vertx.deployVerticle(new FeatureVerticle(settings, topology, new io.tickwire.health.HealthRegistry())));
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
