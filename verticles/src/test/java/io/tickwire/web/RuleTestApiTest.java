package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.FeatureBatch;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.IsoTime;
import io.tickwire.flow.Addresses;
import io.tickwire.testing.Await;
import io.tickwire.testing.HttpCall;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /api/rules/{name}/test}: the stored rule against the latest snapshot the web verticle saw on
 * {@code md.features}, published here as the feature stage would.
 */
@ExtendWith(VertxExtension.class)
class RuleTestApiTest {
  private static final long T0 = IsoTime.parse("2024-05-01T12:00:00Z");

  private Vertx vertx;
  private WebFixture fixture;

  @BeforeEach
  void start(Vertx vertx) {
    this.vertx = vertx;
    fixture = WebFixture.withDatabase(vertx);
    create("btc_oversold", "momentum_1m > 0.01 && rsi_14 < 30.0", true);
  }

  @Test
  void aTrueConditionOnAnEnabledRuleWouldFire() {
    publish(snapshot("coinbase", "BTC-USD", T0, Map.of("momentum_1m", 0.02, "rsi_14", 25.0, "vol_5m", 0.1)));

    JsonObject outcome = testRule("btc_oversold", "symbol=BTC-USD");

    assertThat(outcome).isEqualTo(new JsonObject().put("rule", "btc_oversold").put("version", 1)
        .put("enabled", true).put("symbol", "BTC-USD").put("venue", "coinbase").put("ts", IsoTime.format(T0))
        .put("price", 65000.5).put("verdict", "true").put("would_fire", true)
        .put("features", new JsonObject().put("momentum_1m", 0.02).put("rsi_14", 25.0)));
  }

  @Test
  void aFalseConditionWouldNotFire() {
    publish(snapshot("coinbase", "BTC-USD", T0, Map.of("momentum_1m", 0.02, "rsi_14", 55.0)));
    JsonObject outcome = testRule("btc_oversold", "symbol=BTC-USD");
    assertThat(outcome.getString("verdict")).isEqualTo("false");
    assertThat(outcome.getBoolean("would_fire")).isFalse();
  }

  @Test
  void aFeatureWithoutHistoryIsMissingNotZero() {
    publish(snapshot("coinbase", "BTC-USD", T0, Map.of("rsi_14", 25.0)));
    JsonObject outcome = testRule("btc_oversold", "symbol=BTC-USD");
    assertThat(outcome.getString("verdict")).isEqualTo("missing_feature");
    assertThat(outcome.getBoolean("would_fire")).isFalse();
    assertThat(outcome.getJsonObject("features").getMap()).containsEntry("rsi_14", 25.0)
        .containsEntry("momentum_1m", null);
  }

  @Test
  void aDisabledRuleWouldNotFireEvenWhenTrue() {
    create("disabled", "price > 1.0", false);
    publish(snapshot("coinbase", "BTC-USD", T0, Map.of()));
    JsonObject outcome = testRule("disabled", "symbol=BTC-USD");
    assertThat(outcome.getString("verdict")).isEqualTo("true");
    assertThat(outcome.getBoolean("enabled")).isFalse();
    assertThat(outcome.getBoolean("would_fire")).isFalse();
  }

  @Test
  void withoutAVenueTheNewestSnapshotOfAnyVenueIsUsed() {
    publish(snapshot("kraken", "BTC-USD", T0 + 1_000_000, Map.of("momentum_1m", 0.0, "rsi_14", 25.0)));
    publish(snapshot("coinbase", "BTC-USD", T0, Map.of("momentum_1m", 0.02, "rsi_14", 25.0)));
    Await.until(() -> testAnswer("btc_oversold", "symbol=BTC-USD&venue=coinbase").status() == 200,
        Duration.ofSeconds(10), "the coinbase snapshot");

    assertThat(testRule("btc_oversold", "symbol=BTC-USD").getString("venue")).isEqualTo("kraken");
    JsonObject coinbase = testRule("btc_oversold", "symbol=BTC-USD&venue=coinbase");
    assertThat(coinbase.getString("venue")).isEqualTo("coinbase");
    assertThat(coinbase.getBoolean("would_fire")).isTrue();
  }

  @Test
  void anOlderSnapshotDoesNotReplaceANewerOne() {
    publish(snapshot("coinbase", "BTC-USD", T0 + 1_000_000, Map.of("momentum_1m", 0.02, "rsi_14", 25.0)));
    publish(snapshot("coinbase", "BTC-USD", T0, Map.of("momentum_1m", 0.0, "rsi_14", 25.0)));
    publish(snapshot("coinbase", "ETH-USD", T0, Map.of())); // the marker: everything before it was handled
    Await.until(() -> testAnswer("btc_oversold", "symbol=ETH-USD").status() == 200, Duration.ofSeconds(10),
        "the ETH-USD snapshot");
    assertThat(testRule("btc_oversold", "symbol=BTC-USD").getString("ts")).isEqualTo(IsoTime.format(T0 + 1_000_000));
  }

  @Test
  void aSymbolWithoutFeaturesIs404() {
    HttpCall.Answer answer = testAnswer("btc_oversold", "symbol=DOGE-USD");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.json().getString("error")).isEqualTo("not_found");
    assertThat(answer.json().getString("detail")).contains("DOGE-USD", "features");

    publish(snapshot("coinbase", "BTC-USD", T0, Map.of()));
    HttpCall.Answer otherVenue = testAnswer("btc_oversold", "symbol=BTC-USD&venue=kraken");
    assertThat(otherVenue.status()).isEqualTo(404);
    assertThat(otherVenue.json().getString("detail")).contains("kraken");
  }

  @Test
  void badParametersAre400NamingThem() {
    for (String query : List.of("", "symbol=", "symbol=BTC-USD&venue=", "symbol=BTC-USD&symbl=x")) {
      HttpCall.Answer answer = testAnswer("btc_oversold", query);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.json().getString("error")).isEqualTo("bad_request");
      assertThat(answer.json().getString("detail")).containsAnyOf("symbol", "venue", "symbl");
    }
  }

  private void create(String name, String condition, boolean enabled) {
    HttpCall.Answer created = fixture.authorised("POST", "/api/rules").json(new JsonObject().put("name", name)
        .put("condition", condition).put("signal", 1).put("score", 0.5).put("enabled", enabled)).send();
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private static FeatureSnapshot snapshot(String venue, String symbol, long ts, Map<String, Double> features) {
    return new FeatureSnapshot(venue, symbol, ts, 65000.5, features);
  }

  /** As the feature stage publishes; waits until the API answers from it (best-effort delivery is async). */
  private void publish(FeatureSnapshot snapshot) {
    vertx.eventBus().publish(Addresses.FEATURES, new FeatureBatch(List.of(snapshot)));
    String query = "symbol=" + snapshot.symbol() + "&venue=" + snapshot.venue();
    Await.until(() -> testAnswer("btc_oversold", query).status() == 200, Duration.ofSeconds(10),
        "features of " + snapshot.symbol() + " on " + snapshot.venue());
  }

  private HttpCall.Answer testAnswer(String rule, String query) {
    return fixture.authorised("POST", "/api/rules/" + rule + "/test?" + query).send();
  }

  private JsonObject testRule(String rule, String query) {
    HttpCall.Answer answer = testAnswer(rule, query);
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return answer.json();
  }
}
