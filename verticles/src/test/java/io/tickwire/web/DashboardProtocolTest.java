package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Anomaly;
import io.tickwire.codecs.AnomalyBatch;
import io.tickwire.codecs.Bar;
import io.tickwire.codecs.BarBatch;
import io.tickwire.codecs.FeatureBatch;
import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IvSurface;
import io.tickwire.codecs.IvSurfaceBatch;
import io.tickwire.codecs.SmilePoint;
import io.tickwire.codecs.SpotMid;
import io.tickwire.codecs.SpotMidBatch;
import io.tickwire.codecs.Signal;
import io.tickwire.codecs.SignalBatch;
import io.tickwire.flow.Addresses;
import io.tickwire.testing.Await;
import io.tickwire.testing.DashboardProbe;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboard WebSocket protocol against a web verticle, fed by publishing on the event bus as the pipeline does. */
@ExtendWith(VertxExtension.class)
class DashboardProtocolTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final long T0 = 1_714_521_600_000_000L; // 2024-05-01T00:00:00Z in epoch micros
  private static final String ALL_STREAMS =
      "[\"bars\",\"forming\",\"features\",\"signals\",\"anomalies\",\"incidents\",\"health\"]";

  private Vertx vertx;
  private DashboardProbe client;

  @BeforeEach
  void connect(Vertx vertx) {
    this.vertx = vertx;
    WebFixture web = WebFixture.withoutDatabase(vertx);
    client = DashboardProbe.connect(vertx, web.web.actualPort());
  }

  @Test
  void subscribeIsAcknowledgedWithEveryConfiguredIntervalByDefault() {
    JsonObject ack = client.request("{\"op\":\"subscribe\",\"symbols\":[\"BTC-USD\",\"ETH-USD\"],"
        + "\"streams\":[\"bars\",\"health\"]}", "subscribed", WAIT);
    assertThat(ack.getJsonArray("symbols")).containsExactly("BTC-USD", "ETH-USD");
    assertThat(ack.getJsonArray("streams")).containsExactly("bars", "health");
    assertThat(ack.getJsonArray("intervals")).containsExactly("1s", "10s", "1m");
  }

  @Test
  void pingIsAnsweredWithPong() {
    assertThat(client.request("{\"op\":\"ping\"}", "pong", WAIT).fieldNames()).containsExactly("type");
  }

  @Test
  void pushesEveryStreamForTheSubscribedSymbolAndIntervalOnly() {
    assertThat(client.request("{\"op\":\"subscribe\",\"symbols\":[\"BTC-USD\"],\"streams\":" + ALL_STREAMS
        + ",\"intervals\":[\"1s\"]}", "subscribed", WAIT).getJsonArray("intervals")).containsExactly("1s");

    publishForBothSymbols();

    Map<String, JsonObject> bySymbolStream = Map.of(
        "bar", client.await(m -> "bar".equals(m.getString("type")), WAIT, "a bar").getJsonObject("data"),
        "forming", client.await(m -> "forming".equals(m.getString("type")), WAIT, "a forming bar")
            .getJsonObject("data"),
        "features", client.await(m -> "features".equals(m.getString("type")), WAIT, "features")
            .getJsonObject("data"),
        "signal", client.await(m -> "signal".equals(m.getString("type")), WAIT, "a signal").getJsonObject("data"),
        "anomaly", client.await(m -> "anomaly".equals(m.getString("type")), WAIT, "an anomaly")
            .getJsonObject("data"),
        "incident", client.await(m -> "incident".equals(m.getString("type")), WAIT, "an incident")
            .getJsonObject("data"));
    bySymbolStream.forEach((type, data) -> assertThat(data.getString("symbol")).as(type).isEqualTo("BTC-USD"));
    assertThat(bySymbolStream.get("bar").getString("kind")).isEqualTo("bar");
    assertThat(bySymbolStream.get("bar").getDouble("close")).isEqualTo(101.0);
    assertThat(bySymbolStream.get("forming").getInteger("trades")).isEqualTo(3);
    assertThat(bySymbolStream.get("signal").getString("name")).isEqualTo("always");
    assertThat(bySymbolStream.get("incident").getString("id")).isEqualTo("incident-1");

    JsonObject health = client.await(m -> "health".equals(m.getString("type")), WAIT, "a health message");
    assertThat(health.getJsonObject("data").getString("status")).isEqualTo("ok");
    assertThat(health.getJsonObject("data").getJsonArray("components").stream().map(JsonObject.class::cast)
        .map(c -> c.getString("name"))).contains("web.dashboard");
    assertThat(health.getLong("events_per_sec")).isNotNull();
    assertThat(health.getJsonObject("drops").getLong("total")).isZero();

    // ETH-USD and 10s items were published before the BTC-USD 1s ones on each topic, so they would be here by now.
    assertThat(client.received()).allSatisfy(r -> {
      JsonObject data = r.data();
      if (data != null && data.containsKey("symbol")) {
        assertThat(data.getString("symbol")).isEqualTo("BTC-USD");
      }
      if (data != null && data.containsKey("interval")) {
        assertThat(data.getString("interval")).isEqualTo("1s");
      }
    });
  }

  @Test
  void midsAndSurfacesReachTheirSubscribersWhateverTheirSymbols() {
    client.request("{\"op\":\"subscribe\",\"symbols\":[\"ETH-USD\"],\"streams\":[\"mids\",\"surfaces\"]}",
        "subscribed", WAIT);
    SpotMid mid = new SpotMid("BTC", T0, 65000.5, SpotMid.OK, 2, 0.5, List.of(), 65010.5, 10.0, 1.54, 0.0001);
    IvSurface surface = new IvSurface("deribit", "BTC", T0 + 86_400_000_000L, T0, 65100.0, 51.5, 3, 2, 400,
        List.of(new SmilePoint(Decimals.parse("60000"), 55.0), new SmilePoint(Decimals.parse("70000"), 50.0)));
    vertx.eventBus().publish(Addresses.SPOT_MID, new SpotMidBatch(List.of(mid)));
    vertx.eventBus().publish(Addresses.IV_SURFACE, new IvSurfaceBatch(List.of(surface)));

    JsonObject midData = client.await(m -> "spot_mid".equals(m.getString("type")), WAIT, "a mid")
        .getJsonObject("data");
    assertThat(midData.getString("asset")).isEqualTo("BTC");
    assertThat(midData.getDouble("basis_bps")).isEqualTo(1.54);
    JsonObject surfaceData = client.await(m -> "iv_surface".equals(m.getString("type")), WAIT, "a smile")
        .getJsonObject("data");
    assertThat(surfaceData.getJsonArray("smile")).hasSize(2);
    assertThat(surfaceData.getDouble("atm_iv")).isEqualTo(51.5);
  }

  /** On every topic, the items the subscription excludes first, then the BTC-USD 1s one. */
  private void publishForBothSymbols() {
    vertx.eventBus().publish(Addresses.BARS, new BarBatch(List.of(bar("ETH-USD", 1000, 1), bar("BTC-USD", 10_000, 1),
        bar("BTC-USD", 1000, 1))));
    vertx.eventBus().publish(Addresses.BARS_FORMING, new BarBatch(List.of(bar("ETH-USD", 1000, 3),
        bar("BTC-USD", 10_000, 3), bar("BTC-USD", 1000, 3))));
    vertx.eventBus().publish(Addresses.FEATURES, new FeatureBatch(List.of(features("ETH-USD"), features("BTC-USD"))));
    vertx.eventBus().publish(Addresses.SIGNALS, new SignalBatch(List.of(signal("ETH-USD"), signal("BTC-USD"))));
    vertx.eventBus().publish(Addresses.ANOMALIES, new AnomalyBatch(List.of(anomaly("ETH-USD"), anomaly("BTC-USD"))));
    vertx.eventBus().publish(Addresses.INCIDENTS, incident("incident-0", "ETH-USD"));
    vertx.eventBus().publish(Addresses.INCIDENTS, incident("incident-1", "BTC-USD"));
  }

  private static Bar bar(String symbol, long intervalMillis, long trades) {
    return new Bar("synthetic", symbol, intervalMillis, T0, 100, 102, 99, 101, 2.5, 100.5, trades, 0);
  }

  private static FeatureSnapshot features(String symbol) {
    return new FeatureSnapshot("synthetic", symbol, T0, 101, Map.of("rsi_14", 55.0));
  }

  private static Signal signal(String symbol) {
    return new Signal("rules", symbol, T0, "always", 1, 0.9, Map.of());
  }

  private static Anomaly anomaly(String symbol) {
    return new Anomaly("synthetic", symbol, "outlier_price", T0, "far from the median", 12.0);
  }

  private static JsonObject incident(String id, String symbol) {
    return new JsonObject().put("id", id).put("type", "outlier_price").put("venue", "synthetic")
        .put("symbol", symbol).put("ts", "2024-05-01T00:00:00.000000Z");
  }

  @Test
  void badRequestsAreAnsweredWithAnErrorNamingTheProblemAndTheSocketStaysOpen() {
    assertThat(errorFor("hello")).contains("not JSON", "hello");
    assertThat(errorFor("[1,2]")).contains("JSON object");
    assertThat(errorFor("{\"op\":\"dance\"}")).contains("op", "dance");
    assertThat(errorFor("{\"op\":\"subscribe\",\"symbols\":[\"BTC-USD\"],\"streams\":[\"bars\",\"trades\"]}"))
        .contains("streams[1]", "trades", "bars, forming, features, signals, anomalies, incidents, health, mids, surfaces");
    assertThat(errorFor("{\"op\":\"subscribe\",\"symbols\":[\"BTC-USD\"],\"streams\":[\"bars\"],"
        + "\"intervals\":[\"1s\",\"5s\"]}")).contains("intervals[1]", "5s", "1s, 10s, 1m");
    String tooMany = IntStream.range(0, 101).mapToObj(i -> "\"S" + i + "\"").collect(Collectors.joining(","));
    assertThat(errorFor("{\"op\":\"subscribe\",\"symbols\":[" + tooMany + "],\"streams\":[\"bars\"]}"))
        .contains("symbols", "101", "1 to 100");
    assertThat(errorFor("{\"op\":\"subscribe\",\"symbols\":[\"\"],\"streams\":[\"bars\"]}"))
        .contains("symbols[0]", "\"\"");
    assertThat(errorFor("{\"op\":\"subscribe\",\"streams\":[\"bars\"]}")).contains("symbols is missing");
    assertThat(errorFor("{\"op\":\"subscribe\",\"symbols\":[\"BTC-USD\"],\"streams\":[]}"))
        .contains("streams is empty");

    client.request("{\"op\":\"ping\"}", "pong", WAIT);
    assertThat(client.closeStatus()).isNull();
  }

  private String errorFor(String frame) {
    JsonObject error = client.request(frame, "error", WAIT);
    assertThat(error.getString("error")).isEqualTo("bad_request");
    return error.getString("detail");
  }

  @Test
  void aFrameOverTheLimitClosesTheSocketWith1009() {
    client.sendFrame("{\"op\":\"ping\",\"pad\":\"" + "x".repeat(70 * 1024) + "\"}");

    Await.until(() -> client.closeStatus() != null, WAIT, "the server to close the socket");
    assertThat(client.closeStatus()).isEqualTo((short) 1009);
    assertThat(client.ofType("pong")).isEmpty();
  }

  @Test
  void aMessageOverTheLimitInSmallFramesClosesTheSocketWith1009() {
    // A message longer than the limit sent as frames each under it: the message limit applies too.
    client.send("{\"op\":\"ping\",\"pad\":\"" + "x".repeat(100 * 1024) + "\"}");

    Await.until(() -> client.closeStatus() != null, WAIT, "the server to close the socket");
    assertThat(client.closeStatus()).isEqualTo((short) 1009);
  }

  @Test
  void resubscribingReplacesTheSubscription() {
    client.request("{\"op\":\"subscribe\",\"symbols\":[\"ETH-USD\"],\"streams\":[\"signals\"]}", "subscribed",
        WAIT);
    JsonObject ack = client.request("{\"op\":\"subscribe\",\"symbols\":[\"*\"],\"streams\":[\"anomalies\"]}",
        "subscribed", WAIT);
    assertThat(ack.getJsonArray("symbols")).isEqualTo(new JsonArray().add("*"));

    vertx.eventBus().publish(Addresses.SIGNALS, new SignalBatch(List.of(signal("ETH-USD"))));
    vertx.eventBus().publish(Addresses.ANOMALIES, new AnomalyBatch(List.of(anomaly("SOL-USD"))));

    assertThat(client.await(m -> "anomaly".equals(m.getString("type")), WAIT, "an anomaly of any symbol")
        .getJsonObject("data").getString("symbol")).isEqualTo("SOL-USD");
    assertThat(client.ofType("signal")).isEmpty();
  }
}
