package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.V1Json;
import io.tickwire.testing.HttpProbe;
import io.tickwire.testing.TestBars;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/bars} over real HTTP against bars in a real PostgreSQL: each filter, the order, the limit, and
 * values that come back exactly as they were stored. The table is filled once; every test only reads it.
 */
@ExtendWith(VertxExtension.class)
class BarsApiTest {
  private static final long SECOND = 1_000_000L;
  private static final long T0 = IsoTime.parse("2024-05-01T12:00:00Z");

  // Values chosen to break a lossy path: binary fractions that print long, tiny and huge magnitudes.
  private static final Bar CB0 = new Bar("coinbase", "BTC-USD", 1000, T0, 65000.1, 65010.0, 64990.5, 65001.0,
      12.5, 65002.3, 42, 0);
  private static final Bar CB1 = new Bar("coinbase", "BTC-USD", 1000, T0 + SECOND, 0.1 + 0.2, 1.0 / 3, 1e-7,
      2.0 / 3, 123456789.123456789, Math.PI, Long.MAX_VALUE, 3);
  private static final Bar CB2 = bar("coinbase", "BTC-USD", 1000, T0 + 2 * SECOND, 65003.25);
  private static final Bar CB3 = bar("coinbase", "BTC-USD", 1000, T0 + 3 * SECOND, 65004.75);
  private static final Bar CB4 = bar("coinbase", "BTC-USD", 1000, T0 + 4 * SECOND, 65005.5);
  private static final Bar KR0 = bar("kraken", "BTC-USD", 1000, T0, 64999.9);
  private static final Bar KR2 = bar("kraken", "BTC-USD", 1000, T0 + 2 * SECOND, 65002.1);
  private static final Bar CB_10S = bar("coinbase", "BTC-USD", 10_000, T0, 65000.1);
  private static final Bar ETH0 = bar("coinbase", "ETH-USD", 1000, T0, 3000.25);
  /** Before the epoch: negative microseconds must not round towards zero on the way out. */
  private static final Bar PRE_EPOCH = bar("coinbase", "BTC-USD", 1000, IsoTime.parse("1969-12-31T23:59:58Z"), 1.5);

  private static WebFixture fixture;

  @BeforeAll
  static void fillTable(Vertx vertx) {
    fixture = WebFixture.withDatabase(vertx);
    TestBars.insert(fixture.db, List.of(CB0, CB1, CB2, CB3, CB4, KR0, KR2, CB_10S, ETH0, PRE_EPOCH));
  }

  private static Bar bar(String venue, String symbol, long intervalMillis, long start, double price) {
    return new Bar(venue, symbol, intervalMillis, start, price, price + 1, price - 1, price + 0.5, 2.25, price + 0.1,
        7, 0);
  }

  @Test
  void newestFirstOverEveryVenueOfTheSymbolAtTheDefaultInterval() {
    assertThat(bars("/api/bars?symbol=BTC-USD"))
        .as("1s only, BTC-USD only, same-time bars ordered by venue")
        .containsExactly(CB4, CB3, CB2, KR2, CB1, CB0, KR0, PRE_EPOCH);
  }

  @Test
  void venueNarrowsToOneVenue() {
    assertThat(bars("/api/bars?symbol=BTC-USD&venue=kraken")).containsExactly(KR2, KR0);
  }

  @Test
  void symbolIsMatchedExactly() {
    assertThat(bars("/api/bars?symbol=ETH-USD")).containsExactly(ETH0);
    assertThat(bars("/api/bars?symbol=btc-usd")).isEmpty();
  }

  @Test
  void intervalSelectsThatIntervalsBars() {
    assertThat(bars("/api/bars?symbol=BTC-USD&interval=10s")).containsExactly(CB_10S);
    assertThat(bars("/api/bars?symbol=BTC-USD&interval=1m")).as("configured, but no bars yet").isEmpty();
  }

  @Test
  void fromIsInclusiveAndToExclusive() {
    assertThat(bars("/api/bars?symbol=BTC-USD&from=2024-05-01T12:00:01Z&to=2024-05-01T12:00:03Z"))
        .containsExactly(CB2, KR2, CB1);
  }

  @Test
  void boundsKeepMicrosecondPrecision() {
    assertThat(bars("/api/bars?symbol=BTC-USD&from=2024-05-01T12:00:01.000001Z&to=2024-05-01T12:00:03.000001Z"))
        .containsExactly(CB3, CB2, KR2);
  }

  @Test
  void boundsWithAZoneOffsetMeanTheSameInstant() {
    String from = HttpProbe.encode("2024-05-01T14:00:03+02:00");
    assertThat(bars("/api/bars?symbol=BTC-USD&venue=coinbase&from=" + from)).containsExactly(CB4, CB3);
  }

  @Test
  void barsBeforeTheEpochComeBackAtTheirInstant() {
    assertThat(bars("/api/bars?symbol=BTC-USD&to=1970-01-01T00:00:00Z")).containsExactly(PRE_EPOCH);
  }

  @Test
  void limitKeepsTheNewest() {
    assertThat(bars("/api/bars?symbol=BTC-USD&limit=3")).containsExactly(CB4, CB3, CB2);
    assertThat(bars("/api/bars?symbol=BTC-USD&limit=1")).containsExactly(CB4);
    assertThat(bars("/api/bars?symbol=BTC-USD&limit=5000")).hasSize(8);
  }

  @Test
  void everyFilterAtOnce() {
    assertThat(bars("/api/bars?symbol=BTC-USD&venue=coinbase&interval=1s&from=2024-05-01T12:00:00Z"
        + "&to=2024-05-01T12:00:04Z&limit=2")).containsExactly(CB3, CB2);
  }

  @Test
  void eachItemIsExactlyAV1BarObject() {
    HttpProbe.Reply reply = fixture.get("/api/bars?symbol=BTC-USD&venue=coinbase&limit=4");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    JsonObject fourth = reply.jsonArray().getJsonObject(3);
    assertThat(fourth.fieldNames()).containsExactlyInAnyOrder("ver", "kind", "venue", "symbol", "interval", "start",
        "end", "open", "high", "low", "close", "volume", "vwap", "trades", "revision");
    assertThat(fourth.getInteger("ver")).isEqualTo(1);
    assertThat(fourth.getString("kind")).isEqualTo("bar");
    assertThat(fourth.getString("interval")).isEqualTo("1s");
    assertThat(fourth.getString("start")).isEqualTo("2024-05-01T12:00:01.000000Z");
    assertThat(fourth.getString("end")).isEqualTo("2024-05-01T12:00:02.000000Z");
    assertThat(reply.body()).as("the v1 writer's own text, element by element").isEqualTo("["
        + String.join(",", V1Json.toJson(CB4), V1Json.toJson(CB3), V1Json.toJson(CB2), V1Json.toJson(CB1)) + "]");
  }

  /** 200 with a JSON array, each element read back through the v1 contract's own reader. */
  private static List<Bar> bars(String pathAndQuery) {
    HttpProbe.Reply reply = fixture.get(pathAndQuery);
    assertThat(reply.status()).as(pathAndQuery + " -> " + reply.body()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    JsonArray items = reply.jsonArray();
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      bars.add(V1Json.readBar(items.getJsonObject(i).encode()));
    }
    return bars;
  }
}
