package io.tickwire.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.FeatureBatch;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.SpotMid;
import io.tickwire.codecs.SpotMidBatch;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Topology;
import io.tickwire.health.ComponentHealth;
import io.tickwire.health.HealthRegistry;
import io.tickwire.inference.CompiledRule;
import io.tickwire.inference.InferenceVerticle;
import io.tickwire.inference.Rule;
import io.tickwire.inference.RuleCompiler;
import io.tickwire.inference.Verdict;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Basis and funding as features: feature snapshots of an asset's spot and perpetual symbols carry the spot-mid
 * features of the asset's newest sample at or before them, and rules over them compile and fire.
 */
@ExtendWith(VertxExtension.class)
class SpotMidFeaturesTest {
  private static final long S = 1_000_000L;
  private static final long T0 = FeatureBars.T0_MICROS;

  private final List<FeatureBatch> received = new CopyOnWriteArrayList<>();
  private final HealthRegistry health = new HealthRegistry();
  private Vertx vertx;
  private Settings settings;

  @BeforeEach
  void deploy(Vertx vertx) {
    this.vertx = vertx;
    settings = Pipelines.settings(vertx, List.of("features.base_interval=1s",
        "features.windows=[{name: ret_2s, kind: return, horizon: 2s}]",
        "derived.spot_mid.assets=[{asset: BTC, venues: ['test:BTC-USD', 'other:BTCUSD'], perp: 'perp:BTCUSDT'}]",
        "derived.spot_mid.feature_max_age_ms=2000"));
    Topology topology = new Topology(8, 30_000, false).addGroup(Addresses.FEATURES, "test");
    Await.result(CreditReceiver.<FeatureBatch>bind(vertx, Addresses.inbox(Addresses.FEATURES, "test"), batch -> {
      received.add(batch);
      return Future.succeededFuture();
    }));
    Await.result(vertx.deployVerticle(new FeatureVerticle(Pipelines.context(settings, topology, health))));
  }

  @Test
  void snapshotsOfTheAssetsSymbolsCarryTheNewestSampleAtOrBeforeThemWithinTheAgeBound() {
    publish(sample(T0 + S, 65000.0, 13.0, 0.0001), sample(T0 + 2 * S, 65010.0, 6.5, 0.0002),
        sample(T0 + 9 * S, 70000.0, 0.0, 0.0));
    List<Bar> bars = List.of(FeatureBars.close(0, 100), FeatureBars.close(1, 101), FeatureBars.close(2, 102),
        FeatureBars.close(3, 103), FeatureBars.close(4, 104),
        new Bar("perp", "BTCUSDT", 1000, T0 + S, 1, 1, 1, 65020, 1, 1, 1, 0),
        new Bar("test", "ETH-USD", 1000, T0, 1, 1, 1, 5, 1, 5, 1, 0));
    send(bars);

    List<FeatureSnapshot> snapshots = awaitSnapshots(7);
    assertThat(snapshots.get(0).features()).as("the sample at the bar's close").containsOnlyKeys(
        SpotMid.FEATURE_NAMES);
    assertThat(snapshots.get(0).features().get(SpotMid.BASIS_BPS)).isEqualTo(13.0);
    assertThat(snapshots.get(1).features().get(SpotMid.SPOT_MID)).isEqualTo(65010.0);
    assertThat(snapshots.get(3).features().get(SpotMid.FUNDING_RATE)).as("4s: the 2s sample, 2 s old")
        .isEqualTo(0.0002);
    assertThat(snapshots.get(4).features()).as("5s: the newest sample before it is 3 s old; never the one at 9s")
        .doesNotContainKeys(SpotMid.FEATURE_NAMES.toArray(new String[0])).containsKey("ret_2s");
    assertThat(snapshots.get(5).features().get(SpotMid.BASIS)).as("the perpetual's own snapshots too")
        .isCloseTo(6.5 / 1e4 * 65010.0, within(1e-9));
    assertThat(snapshots.get(6).features()).as("ETH is no asset's").isEmpty();
  }

  @Test
  void aRuleOverBasisAndFundingCompilesWithThePipelinesNamesAndFires() {
    publish(sample(T0 + S, 65000.0, 13.0, 0.0001));
    send(List.of(FeatureBars.close(0, 100)));
    FeatureSnapshot snapshot = awaitSnapshots(1).get(0);

    RuleCompiler compiler = new RuleCompiler(InferenceVerticle.featureNames(settings), 1000);
    CompiledRule rule = compiler.compile(new Rule("rich_perp", "basis_bps > 10.0 && funding_rate > 0.0"
        + " && price < spot_mid", 1, 0.5, 0, true, 1));
    assertThat(rule.features()).containsExactlyInAnyOrder("basis_bps", "funding_rate", "spot_mid");
    assertThat(rule.evaluate(snapshot)).isEqualTo(Verdict.TRUE);
  }

  private static SpotMid sample(long ts, double mid, double basisBps, double funding) {
    double basis = basisBps / 1e4 * mid;
    return new SpotMid("BTC", ts, mid, SpotMid.OK, 2, 1.0, List.of(), mid + basis, basis, basisBps, funding);
  }

  /** Best-effort, as the derived stage publishes; waits until the feature stage has them all. */
  private void publish(SpotMid... samples) {
    vertx.eventBus().publish(Addresses.SPOT_MID, new SpotMidBatch(List.of(samples)));
    Await.until(() -> gauge("spot_mid_samples") == samples.length, Duration.ofSeconds(10),
        samples.length + " samples taken in");
  }

  private long gauge(String name) {
    ComponentHealth features = health.get("features");
    Number value = features == null ? null : features.gauges().get(name);
    return value == null ? -1 : value.longValue();
  }

  private void send(List<Bar> bars) {
    Await.result(vertx.eventBus().request(Addresses.inbox(Addresses.BARS, FeatureVerticle.GROUP), new BarBatch(bars)));
  }

  private List<FeatureSnapshot> awaitSnapshots(int count) {
    Await.until(() -> snapshots().size() >= count, Duration.ofSeconds(10), count + " snapshots");
    return snapshots();
  }

  private List<FeatureSnapshot> snapshots() {
    return received.stream().flatMap(b -> b.items().stream()).toList();
  }
}
