package io.tickwire.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.V1Json;
import io.tickwire.config.Role;
import io.tickwire.connector.FrameWriter;
import io.tickwire.connector.TcpIngestVerticle;
import io.tickwire.derived.mid.SpotMidOracle;
import io.tickwire.derived.mid.ThreeVenues;
import io.tickwire.derived.surface.OptionChain;
import io.tickwire.codecs.OptionType;
import io.tickwire.node.Node;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.tickwire.testing.TestRedis;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.Request;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The md:v1 keys an older service's readers know, after a run of a whole node with a Redis of its own: three fake
 * venues and a perpetual quote BTC for 30 s and an option chain is snapshotted, then each key holds what it should
 * and every write was announced on md:v1:updates.
 */
@ExtendWith(VertxExtension.class)
class MdV1KeysTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final long TTL_MS = 600_000;
  private static final String LAST_SAMPLE = "2024-05-01T12:00:29.000000Z";

  @Test
  void afterARunEachKeyHoldsWhatItShould(Vertx vertx) throws Exception {
    EmbeddedRedis server = new EmbeddedRedis(0);
    TestRedis.start(server);
    Node node = null;
    try {
      TestRedis redis = TestRedis.reader(vertx, server.url());
      List<JsonObject> notices = subscribe(redis);
      node = start(vertx, server.url());
      ThreeVenues.Feed feed = ThreeVenues.feed();
      List<MarketEvent> events = new ArrayList<>(feed.quotes());
      events.addAll(perpMarks());
      events.addAll(OptionChain.chain(OptionChain.EXPIRY, "BTC-28JUN24", "65000", List.of(60000, 65000, 70000),
          OptionChain.T0 + 100_000));
      events.add(OptionChain.ticker(OptionChain.EXPIRY, "BTC-28JUN24", "65000", 90000, OptionType.CALL, 60, 59, 61,
          "1", "1", OptionChain.T0 + 11 * OptionChain.SECOND));
      send(node, events);

      Await.until(() -> LAST_SAMPLE.equals(field(redis.get(RedisKeys.MD_SPOT_MID), "ts")), WAIT,
          RedisKeys.MD_SPOT_MID + " holding the last sample");
      SpotMidOracle oracle = new SpotMidOracle(3 * ThreeVenues.SECOND, 2, 50.0);

      JsonObject mid = new JsonObject(redis.get(RedisKeys.MD_SPOT_MID));
      assertThat(mid.getString("kind")).isEqualTo("spot_mid");
      assertThat(mid.getString("asset")).isEqualTo("BTC");
      assertThat(mid.getString("quality")).isEqualTo("suspect");
      assertThat(mid.getDouble("mid")).isEqualTo(oracle.at(IsoTime.parse(LAST_SAMPLE), feed.raw()).mid());
      assertThat(mid.getDouble("funding_rate")).isEqualTo(0.0001);
      assertThat(mid.getDouble("basis")).isCloseTo(65100.0 + 29 - mid.getDouble("mid"), within(1e-6));
      assertThat(redis.pttl(RedisKeys.MD_SPOT_MID)).isBetween(1L, TTL_MS);

      List<Map<String, String>> window = redis.streamEntries(RedisKeys.MD_SPOT_MID_WINDOW);
      assertThat(window).as("every sample, oldest first").hasSize(30);
      for (Map<String, String> entry : window) {
        SpotMidOracle.Expected expected = oracle.at(IsoTime.parse(entry.get("ts")), feed.raw());
        assertThat(Double.parseDouble(entry.get("mid"))).as("mid at " + entry.get("ts")).isEqualTo(expected.mid());
        assertThat(entry.get("quality")).isEqualTo(expected.quality());
        assertThat(new JsonObject(entry.get("json")).getString("ts")).isEqualTo(entry.get("ts"));
      }
      assertThat(window.get(29).get("ts")).isEqualTo(LAST_SAMPLE);
      assertThat(redis.pttl(RedisKeys.MD_SPOT_MID_WINDOW)).isBetween(1L, TTL_MS);

      String bbo = redis.get(RedisKeys.spotBbo("fake_a", "BTC-USD"));
      SpotMidOracle.RawQuote lastA = feed.raw().stream().filter(q -> q.venue().equals("fake_a")
          && q.time() <= IsoTime.parse(LAST_SAMPLE)).reduce((x, y) -> y).orElseThrow();
      assertThat(bbo).as("exact digits").contains("\"bid\":" + lastA.bid() + ",")
          .contains("\"ask\":" + lastA.ask() + ",");
      assertThat(new JsonObject(bbo).getString("ts")).isEqualTo(LAST_SAMPLE);
      assertThat(new JsonObject(bbo).getBoolean("fresh")).isTrue();
      assertThat(redis.get(RedisKeys.spotBbo("fake_c", "BTCUSDT"))).isNotNull();
      assertThat(redis.pttl(RedisKeys.spotBbo("fake_b", "BTC/USD"))).isBetween(1L, TTL_MS);

      String surfaceKey = RedisKeys.MD_IV_SURFACE_PREFIX + "28JUN24";
      Await.until(() -> redis.get(surfaceKey) != null, WAIT, surfaceKey);
      JsonObject surface = new JsonObject(redis.get(surfaceKey));
      assertThat(surface.getString("expiry")).isEqualTo("2024-06-28T08:00:00.000000Z");
      assertThat(surface.getDouble("atm_iv")).isCloseTo(50.0, within(1e-9));
      assertThat(surface.getJsonArray("smile")).hasSize(3);

      Await.until(() -> redis.get(RedisKeys.MD_HEALTH) != null, WAIT, RedisKeys.MD_HEALTH);
      JsonObject health = new JsonObject(redis.get(RedisKeys.MD_HEALTH));
      assertThat(health.getJsonObject("components").containsKey("derived.spot_mid")).isTrue();
      assertThat(redis.ttl(RedisKeys.MD_HEALTH)).isBetween(1L, 10L);

      Await.until(() -> kinds(notices).containsAll(List.of("spot_mid", "spot_mid_window", "spot_bbo", "iv_surface",
          "health")), WAIT, "a notice of each kind on " + RedisKeys.MD_UPDATES_CHANNEL);
      assertThat(notices).filteredOn(n -> n.getString("key").equals(RedisKeys.MD_SPOT_MID))
          .extracting(n -> n.getString("ts")).contains(LAST_SAMPLE);
    } finally {
      if (node != null) {
        Await.result(node.stop());
      }
      TestRedis.stop(server);
    }
  }

  /** The perpetual 100 above the first venue's base, marked every second, funding 0.01%. */
  private static List<MarkFunding> perpMarks() {
    List<MarkFunding> marks = new ArrayList<>();
    for (int s = 0; s < 30; s++) {
      long t = ThreeVenues.T0 + s * ThreeVenues.SECOND;
      marks.add(new MarkFunding("fake_perp", "BTCUSDT", Decimals.parse(Integer.toString(65100 + s)), 0, 0,
          Decimals.parse("0.0001"), 0, t, t, 0));
    }
    return marks;
  }

  private static Node start(Vertx vertx, String redisUrl) {
    List<String> settings = Pipelines.concat(TestDatabase.fresh().settings(), "synthetic.enabled=false",
        "redis.url=" + redisUrl, "redis.key_ttl_ms=" + TTL_MS,
        "derived.spot_mid.assets=[{asset: BTC, venues: [fake_a:BTC-USD, fake_b:BTC/USD, fake_c:BTCUSDT],"
            + " perp: fake_perp:BTCUSDT}]",
        "derived.spot_mid.max_age_ms=3000", "derived.spot_mid.max_wait_ms=60000",
        "derived.iv_surface.enabled=true", "derived.iv_surface.every=10s");
    Node node = Node.local(vertx, Pipelines.settings(vertx, settings), EnumSet.allOf(Role.class)).build();
    Await.result(node.start());
    return node;
  }

  private static void send(Node node, List<MarketEvent> events) throws Exception {
    events.sort(java.util.Comparator.comparingLong(MarketEvent::eventTime));
    int port = node.stages().stream().filter(TcpIngestVerticle.class::isInstance).map(TcpIngestVerticle.class::cast)
        .findFirst().orElseThrow().actualPort();
    try (Socket socket = new Socket("127.0.0.1", port); OutputStream out = socket.getOutputStream()) {
      for (MarketEvent event : events) {
        out.write(FrameWriter.frame(V1Json.toJson(event)).getBytes());
      }
      out.flush();
    }
  }

  private static List<JsonObject> subscribe(TestRedis redis) {
    List<JsonObject> notices = new CopyOnWriteArrayList<>();
    RedisConnection connection = Await.result(redis.client().connect());
    connection.handler(message -> {
      if (message.size() == 3 && "message".equals(message.get(0).toString())) {
        notices.add(new JsonObject(message.get(2).toString()));
      }
    });
    Await.result(connection.send(Request.cmd(Command.SUBSCRIBE).arg(RedisKeys.MD_UPDATES_CHANNEL)));
    return notices;
  }

  private static List<String> kinds(List<JsonObject> notices) {
    return notices.stream().map(n -> n.getString("kind")).distinct().toList();
  }

  private static String field(String json, String name) {
    return json == null ? null : new JsonObject(json).getString(name);
  }
}
