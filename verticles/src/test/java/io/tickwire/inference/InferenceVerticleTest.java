package io.tickwire.inference;

import static io.tickwire.inference.Snapshots.rsi;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Codecs;
import io.tickwire.codecs.FeatureBatch;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.Signal;
import io.tickwire.codecs.SignalBatch;
import io.tickwire.config.Settings;
import io.tickwire.flow.Addresses;
import io.tickwire.flow.CreditReceiver;
import io.tickwire.flow.Outlet;
import io.tickwire.flow.Topology;
import io.tickwire.health.HealthRegistry;
import io.tickwire.health.StageContext;
import io.tickwire.store.Database;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The verticle against a real PostgreSQL: seeding, feature batches in, signals out, live rule changes. */
@ExtendWith(VertxExtension.class)
class InferenceVerticleTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** The reload reads the rules from PostgreSQL; on a loaded machine that may take a while, never this long. */
  private static final Duration RELOAD_WAIT = Duration.ofSeconds(60);
  private final List<Signal> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger symbols = new AtomicInteger();
  private Vertx vertx;
  private Settings settings;
  private Database database;
  private Topology topology;
  private Outlet<FeatureBatch> features;
  private final List<String> catalogHomes = new CopyOnWriteArrayList<>();
  private final HealthRegistry health = new HealthRegistry();

  @BeforeEach
  void setUp(Vertx vertx) {
    this.vertx = vertx;
    Codecs.register(vertx);
    TestDatabase db = TestDatabase.fresh();
    settings = Pipelines.settings(vertx, db.settings());
    database = Await.result(Database.open(vertx, settings));
    topology = new Topology(8, 30_000, false).addGroup(Addresses.SIGNALS, "test");
    features = new Outlet<>(vertx, Addresses.FEATURES,
        new Topology(8, 30_000, false).addGroup(Addresses.FEATURES, InferenceVerticle.GROUP));
    Await.result(CreditReceiver.<SignalBatch>bind(vertx, Addresses.inbox(Addresses.SIGNALS, "test"),
        batch -> {
          received.addAll(batch.items());
          return Future.succeededFuture();
        }));
  }

  @AfterEach
  void tearDown() {
    Await.result(database.close(vertx));
  }

  @Test
  void seedRuleFiresOnFeatureBatchesAndSignalsComeOutOnMdSignals() {
    deploy(null);
    send(rsi("BTC-USD", 1, 45), rsi("BTC-USD", 2, 25), rsi("ETH-USD", 2, 75));

    Await.until(() -> received.size() == 2, WAIT, "two signals");
    assertThat(received).extracting(Signal::name, Signal::symbol, Signal::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("rsi_oversold", "BTC-USD", 1.0),
            org.assertj.core.groups.Tuple.tuple("rsi_overbought", "ETH-USD", -1.0));
    assertThat(((Number) received.get(0).meta().get("rule_version")).intValue()).isEqualTo(1);
    assertThat(received.get(0).meta().get("features")).as("used feature values, as a JSON object")
        .isEqualTo(java.util.Map.of("rsi_14", 25.0));
  }

  @Test
  void seedsOnlyOnceSoADeletedSeedRuleStaysDeleted() {
    String first = deploy(null);
    RuleStore store = new RuleStore(database.pool());
    assertThat(Await.result(store.all())).hasSize(5);
    assertThat(Await.result(store.delete("rsi_overbought"))).isTrue();
    Await.result(vertx.undeploy(first));
    Await.result(vertx.undeploy(catalogHomes.remove(0)));

    deploy(null);
    assertThat(Await.result(store.all())).extracting(Rule::name).hasSize(4).doesNotContain("rsi_overbought");
    send(rsi("ETH-USD", 1, 75));
    send(rsi("BTC-USD", 1, 25));
    Await.until(() -> received.size() == 1, WAIT, "the oversold signal");
    assertThat(received).extracting(Signal::name).containsExactly("rsi_oversold");
  }

  @Test
  void aRulesChangedNoticeMakesADisabledRuleStopAndANewRuleStart() {
    deploy(null);
    RuleStore store = new RuleStore(database.pool());
    assertThat(fires("rsi_oversold")).isTrue();

    Rule oversold = Await.result(store.get("rsi_oversold"));
    Await.result(store.update("rsi_oversold", oversold.withEnabled(false)));
    Await.result(store.insert(new Rule("probe", "rsi_14 < 30.0", 1, 0.5, 0, true, 1)));
    vertx.eventBus().publish(Addresses.RULES_CHANGED, "rules");

    Await.until(() -> fires("probe"), RELOAD_WAIT, "the new rule to fire once the notice is handled");
    assertThat(firedBy()).as("rules firing on data after the reload: the new one, not the disabled one")
        .contains("probe").doesNotContain("rsi_oversold");
  }

  @Test
  void theNodeConfirmsTheCatalogVersionItRunsAndANewVersionAfterAChange() {
    deploy(null);
    JsonObject before = awaitConfirmed(v -> v != null);
    String first = before.getString("version");
    assertThat(before.getJsonArray("nodes").getJsonObject(0).getInteger("rules")).isEqualTo(5);

    Await.result(new RuleStore(database.pool()).insert(new Rule("probe", "rsi_14 < 30.0", 1, 0.5, 0, true, 1)));
    vertx.eventBus().publish(Addresses.RULES_CHANGED, new JsonObject().put("rule", "probe"));

    JsonObject after = awaitConfirmed(v -> v != null && !v.equals(first));
    JsonObject node = after.getJsonArray("nodes").getJsonObject(0);
    assertThat(node.getString("node")).isEqualTo("test-node");
    assertThat(node.getBoolean("current")).isTrue();
    assertThat(node.getInteger("rules")).isEqualTo(6);
  }

  @Test
  void anInferenceStageStartedBeforeTheCatalogsHomeGetsTheRulesOnceItIsUp() {
    String inference = Await.result(vertx.deployVerticle(new InferenceVerticle(
        Pipelines.context(settings, topology, health), "early-node", null)));
    assertThat(inference).isNotNull();
    assertThat(health.get("inference").detail()).contains("no rules catalog yet");

    Await.result(vertx.deployVerticle(new RuleCatalogVerticle(Pipelines.context(settings, topology), database)));
    Await.until(() -> fires("rsi_oversold"), RELOAD_WAIT, "the seeded rule to fire once the catalog arrives");
  }

  @Test
  void aMalformedCatalogIsCountedAndTheRulesInForceStay() {
    deploy(null);
    assertThat(fires("rsi_oversold")).isTrue();

    vertx.eventBus().publish(Addresses.RULES_CATALOG, "not a catalog");
    vertx.eventBus().publish(Addresses.RULES_CATALOG, new JsonObject().put("version", "x"));
    vertx.eventBus().publish(Addresses.RULES_CATALOG, new JsonObject().put("rules", new JsonArray()
        .add(new JsonObject().put("name", "bad").put("condition", "price > 1.0").put("score", 7))));

    Await.until(() -> health.get("inference") != null
        && health.get("inference").gauges().get("catalogs_rejected").longValue() == 3,
        WAIT, "three rejected catalogs counted");
    assertThat(fires("rsi_oversold")).as("the catalog in force still runs").isTrue();
  }

  /** The persist role's status once {@code accept} holds for the single node's confirmed version. */
  private JsonObject awaitConfirmed(java.util.function.Predicate<String> accept) {
    JsonObject[] status = new JsonObject[1];
    Await.until(() -> {
      status[0] = (JsonObject) Await.result(vertx.eventBus().request(Addresses.RULES_STATUS, null)).body();
      JsonArray nodes = status[0].getJsonArray("nodes");
      return nodes.size() == 1 && accept.test(nodes.getJsonObject(0).getString("version"))
          && nodes.getJsonObject(0).getString("version").equals(status[0].getString("version"));
    }, RELOAD_WAIT, "the node's confirmation");
    return status[0];
  }

  @Test
  void rulesKeepFiringWhileTheModelCircuitIsOpen() {
    ScriptedModel model = new ScriptedModel();
    model.mode = ScriptedModel.Mode.THROW;
    deploy(model);
    for (int i = 0; i < ModelGate.MAX_FAILURES + 2; i++) {
      assertThat(fires("rsi_oversold")).isTrue();
    }
    assertThat(received).extracting(Signal::name).doesNotContain("scripted");
    assertThat(model.calls).as("the open circuit stopped calling the model (each failed batch is one call)")
        .hasValue(ModelGate.MAX_FAILURES);
  }

  @Test
  void aWorkingModelAddsItsSignalsAfterTheRules() {
    deploy(new ScriptedModel());
    send(rsi("BTC-USD", 1, 45), rsi("BTC-USD", 2, 75));
    Await.until(() -> received.size() == 2, WAIT, "rule and model signals");
    assertThat(received).extracting(Signal::name).containsExactly("rsi_overbought", "scripted");
  }

  /** Whether {@code rule} fires on a fresh false-then-true pair (see {@link #firedBy()}). */
  private boolean fires(String rule) {
    return firedBy().contains(rule);
  }

  /**
   * Sends a false-then-true pair for a fresh symbol, then a marker symbol that fires rsi_overbought; once the
   * marker's signal is in, everything before it has been evaluated. Returns the rules that fired on the pair.
   */
  private List<String> firedBy() {
    int n = symbols.incrementAndGet();
    String symbol = "S" + n;
    String marker = "M" + n;
    send(rsi(symbol, 1, 50), rsi(symbol, 2, 20), rsi(marker, 1, 50), rsi(marker, 2, 90));
    Await.until(() -> received.stream().anyMatch(s -> s.symbol().equals(marker)), WAIT, "the marker signal");
    return received.stream().filter(s -> s.symbol().equals(symbol)).map(Signal::name).toList();
  }

  /** The catalog's home (as on a persist node), then the inference stage; undeploying the id stops both. */
  private String deploy(ModelAdapter model) {
    StageContext context = Pipelines.context(settings, topology, health);
    String home = Await.result(vertx.deployVerticle(new RuleCatalogVerticle(context, database)));
    catalogHomes.add(home);
    return Await.result(vertx.deployVerticle(new InferenceVerticle(context, "test-node", model)));
  }

  private void send(FeatureSnapshot... snapshots) {
    Await.result(features.send(new FeatureBatch(List.of(snapshots))));
  }
}
