package io.tickwire.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.OptionType;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.Role;
import io.tickwire.connector.FrameWriter;
import io.tickwire.connector.TcpIngestVerticle;
import io.tickwire.derived.mid.SpotMidOracle;
import io.tickwire.derived.mid.ThreeVenues;
import io.tickwire.derived.surface.OptionChain;
import io.tickwire.testing.Await;
import io.tickwire.testing.HttpProbe;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.tickwire.web.WebVerticle;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The derived streams through a whole node: events sent to the TCP ingest are routed, sampled beside the router,
 * stored in PostgreSQL and served by {@code /api/mid} and {@code /api/iv_surface}, equal to the independent
 * computations.
 */
@ExtendWith(VertxExtension.class)
class DerivedPipelineTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final String ASSETS = "derived.spot_mid.assets=[{asset: BTC, venues: [fake_a:BTC-USD,"
      + " fake_b:BTC/USD, fake_c:BTCUSDT], perp: null}]";

  @Test
  void threeVenuesMidsAreStoredAndServedAsTheOracleComputesThem(Vertx vertx) throws Exception {
    // The producer sends 30 s of quotes in one burst, which the ingest cuts into batches by socket read: a venue's
    // partition may run the whole feed ahead of another's, so the stage waits as long as the feed for a lagging one.
    Node node = start(vertx, ASSETS, "derived.spot_mid.max_age_ms=3000", "derived.spot_mid.lateness_ms=500",
        "derived.spot_mid.max_wait_ms=60000");
    try {
      ThreeVenues.Feed feed = ThreeVenues.feed();
      send(node, ThreeVenues.arrivingWithCLate(feed.quotes()));
      int web = port(node, WebVerticle.class);
      Await.until(() -> mids(web, "").size() == 30, WAIT, "30 samples stored");

      JsonArray stored = mids(web, "");
      SpotMidOracle oracle = new SpotMidOracle(3 * ThreeVenues.SECOND, 2, 50.0);
      for (int i = 0; i < stored.size(); i++) {
        JsonObject sample = stored.getJsonObject(i);
        long ts = io.tickwire.codecs.IsoTime.parse(sample.getString("ts"));
        SpotMidOracle.Expected expected = oracle.at(ts, feed.raw());
        assertThat(sample.getDouble("mid")).as("mid at " + sample.getString("ts")).isEqualTo(expected.mid());
        assertThat(sample.getString("quality")).as("quality at " + sample.getString("ts"))
            .isEqualTo(expected.quality());
        assertThat(sample.getJsonArray("venues")).hasSize(3);
      }
      assertThat(stored.getJsonObject(0).getString("ts")).as("newest first")
          .isEqualTo("2024-05-01T12:00:29.000000Z");
      assertThat(mids(web, "&from=2024-05-01T12:00:13Z&to=2024-05-01T12:00:21Z&limit=3"))
          .extracting(o -> ((JsonObject) o).getString("quality")).containsOnly("degraded").hasSize(3);
      String at15 = HttpProbe.get(web, "/api/mid?asset=BTC&to=2024-05-01T12:00:16Z&limit=1").body();
      JsonObject venueB = new JsonArray(at15).getJsonObject(0).getJsonArray("venues").getJsonObject(1);
      assertThat(venueB.getLong("age_ms")).as("b quiet since 9.83 s").isEqualTo(5_170L);
      assertThat(venueB.getBoolean("fresh")).isFalse();
      assertThat(at15).as("b's last bid with the digits it was sent with, through the table's jsonb")
          .contains("\"bid\":65010.70,");
    } finally {
      Await.result(node.stop());
    }
  }

  @Test
  void anOptionChainsSmileIsStoredAndServed(Vertx vertx) throws Exception {
    Node node = start(vertx, "derived.iv_surface.enabled=true", "derived.iv_surface.every=10s",
        "derived.iv_surface.lateness_ms=1000");
    try {
      List<MarketEvent> events = new ArrayList<>(OptionChain.chain(OptionChain.EXPIRY, "BTC-28JUN24", "65000",
          List.of(60000, 62500, 65000, 67500, 70000), OptionChain.T0 + 100_000));
      events.add(OptionChain.ticker(OptionChain.EXPIRY, "BTC-28JUN24", "65000", 72500, OptionType.CALL, 49, 50, 48,
          "1", "1", OptionChain.T0 + 200_000)); // refused: bid volatility above ask
      events.add(OptionChain.ticker(OptionChain.EXPIRY, "BTC-28JUN24", "65000", 90000, OptionType.CALL, 60, 59, 61,
          "1", "1", OptionChain.T0 + 11 * OptionChain.SECOND)); // brings the 10 s snapshot due
      send(node, events);
      int web = port(node, WebVerticle.class);
      Await.until(() -> surfaces(web, "underlying=BTC").size() == 1, WAIT, "the smile stored");

      JsonObject surface = surfaces(web, "underlying=BTC&expiry=2024-06-28").getJsonObject(0);
      assertThat(surface.getString("ts")).isEqualTo("2024-05-01T12:00:10.000000Z");
      assertThat(surface.getDouble("atm_iv")).isCloseTo(50.0, within(1e-9));
      assertThat(surface.getInteger("strikes_kept")).isEqualTo(5);
      JsonArray smile = surface.getJsonArray("smile");
      for (int i = 0; i < smile.size(); i++) {
        double strike = smile.getJsonArray(i).getDouble(0);
        assertThat(smile.getJsonArray(i).getDouble(1)).isCloseTo(OptionChain.smile(strike, 65000), within(1e-9));
      }
      assertThat(surfaces(web, "underlying=BTC&expiry=2024-06-28T08:00:00Z")).hasSize(1);
      assertThat(surfaces(web, "underlying=BTC&expiry=2024-06-29")).isEmpty();
      assertThat(surfaces(web, "underlying=ETH")).isEmpty();
      Await.until(() -> HttpProbe.get(web, "/metrics").body().contains(
          "tickwire_errors_total{component=\"derived.iv_surface\",reason=\"crossed_iv\"} 1.0"), WAIT,
          "the refused ticker counted by reason");
    } finally {
      Await.result(node.stop());
    }
  }

  private static Node start(Vertx vertx, String... overrides) {
    List<String> settings = Pipelines.concat(TestDatabase.fresh().settings(), "synthetic.enabled=false");
    Node node = Node.local(vertx, Pipelines.settings(vertx, Pipelines.concat(settings, overrides)),
        EnumSet.allOf(Role.class)).build();
    Await.result(node.start());
    return node;
  }

  private static void send(Node node, List<? extends MarketEvent> events) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port(node, TcpIngestVerticle.class));
        OutputStream out = socket.getOutputStream()) {
      for (MarketEvent event : events) {
        out.write(FrameWriter.frame(V1Json.toJson(event)).getBytes());
      }
      out.flush();
    }
  }

  private static JsonArray mids(int port, String query) {
    String limit = query.contains("limit=") ? "" : "&limit=5000";
    HttpProbe.Reply reply = HttpProbe.get(port, "/api/mid?asset=BTC" + limit + query);
    return reply.status() == 200 ? new JsonArray(reply.body()) : new JsonArray();
  }

  private static JsonArray surfaces(int port, String query) {
    HttpProbe.Reply reply = HttpProbe.get(port, "/api/iv_surface?" + query);
    return reply.status() == 200 ? new JsonArray(reply.body()) : new JsonArray();
  }

  private static int port(Node node, Class<?> stage) {
    Object found = node.stages().stream().filter(stage::isInstance).findFirst().orElseThrow();
    return found instanceof TcpIngestVerticle tcp ? tcp.actualPort() : ((WebVerticle) found).actualPort();
  }
}
