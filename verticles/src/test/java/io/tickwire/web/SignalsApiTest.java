package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.Signal;
import io.tickwire.codecs.V1Json;
import io.tickwire.testing.HttpProbe;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code GET /api/signals} over real HTTP against signals inserted with SQL into a real PostgreSQL: order, filters,
 * the limit, keyset pages through the cursor, the v1 form of each signal, and 400s naming the parameter.
 */
@ExtendWith(VertxExtension.class)
class SignalsApiTest {
  private static final long SECOND = 1_000_000L;
  private static final long T0 = IsoTime.parse("2024-05-01T12:00:00Z");

  // Several signals share a timestamp, so pages must break ties by symbol and name to neither skip nor repeat.
  private static final Signal BTC_UP_0 = signal("BTC-USD", "momentum_up", T0, 1, Map.of("rule_version", "1"));
  private static final Signal ETH_UP_0 = signal("ETH-USD", "momentum_up", T0, 1, Map.of());
  private static final Signal BTC_RSI_1 = signal("BTC-USD", "rsi_oversold", T0 + SECOND, 1,
      Map.of("rule_version", "2", "price", "65000.5", "features", "{\"rsi_14\":27.5}"));
  private static final Signal BTC_UP_1 = signal("BTC-USD", "momentum_up", T0 + SECOND, 1, Map.of());
  private static final Signal ETH_DOWN_1 = signal("ETH-USD", "momentum_down", T0 + SECOND, -1, Map.of());
  private static final Signal BTC_VOL_2 = signal("BTC-USD", "high_volatility", T0 + 2 * SECOND + 7, 0, Map.of());
  private static final List<Signal> NEWEST_FIRST = List.of(BTC_VOL_2, ETH_DOWN_1, BTC_RSI_1, BTC_UP_1, ETH_UP_0,
      BTC_UP_0);

  private static WebFixture fixture;

  @BeforeAll
  static void fillTable(Vertx vertx) {
    fixture = WebFixture.withDatabase(vertx);
    for (Signal s : NEWEST_FIRST) {
      insert(s);
    }
  }

  private static Signal signal(String symbol, String name, long ts, double value, Map<String, String> meta) {
    return new Signal("synthetic", symbol, ts, name, value, 0.75, meta);
  }

  private static void insert(Signal s) {
    String meta = new JsonObject(new java.util.HashMap<>(s.meta())).encode().replace("'", "''");
    fixture.db.execute("INSERT INTO signals (symbol, name, ts, provider, value, score, meta) VALUES ('"
        + s.symbol() + "', '" + s.name() + "', '" + IsoTime.format(s.ts()) + "', '" + s.provider() + "', "
        + s.value() + ", " + s.score() + ", '" + meta + "'::jsonb)");
  }

  @Test
  void newestFirstWithTiesInAStableOrderAndNoNextPage() {
    Page page = page("/api/signals");
    assertThat(page.signals).containsExactlyElementsOf(NEWEST_FIRST);
    assertThat(page.nextCursor).isNull();
  }

  @Test
  void cursorWalksEveryPageOnceWithoutSkipsOrRepeats() {
    List<Signal> seen = new ArrayList<>();
    Page page = page("/api/signals?limit=2");
    int pages = 1;
    seen.addAll(page.signals);
    while (page.nextCursor != null) {
      page = page("/api/signals?limit=2&cursor=" + HttpProbe.encode(page.nextCursor));
      seen.addAll(page.signals);
      pages++;
    }
    assertThat(seen).containsExactlyElementsOf(NEWEST_FIRST);
    assertThat(pages).as("6 signals at 2 a page: the third page is known to be the last").isEqualTo(3);
  }

  @Test
  void cursorKeepsTheFiltersOfItsQuery() {
    Page first = page("/api/signals?symbol=BTC-USD&limit=3");
    assertThat(first.signals).containsExactly(BTC_VOL_2, BTC_RSI_1, BTC_UP_1);
    Page second = page("/api/signals?symbol=BTC-USD&limit=3&cursor=" + first.nextCursor);
    assertThat(second.signals).containsExactly(BTC_UP_0);
    assertThat(second.nextCursor).isNull();
  }

  @Test
  void symbolAndNameFilter() {
    assertThat(page("/api/signals?symbol=ETH-USD").signals).containsExactly(ETH_DOWN_1, ETH_UP_0);
    assertThat(page("/api/signals?name=momentum_up").signals).containsExactly(BTC_UP_1, ETH_UP_0, BTC_UP_0);
    assertThat(page("/api/signals?symbol=BTC-USD&name=momentum_up").signals).containsExactly(BTC_UP_1, BTC_UP_0);
    assertThat(page("/api/signals?symbol=DOGE-USD").signals).isEmpty();
  }

  @Test
  void fromIsInclusiveAndToExclusiveToTheMicrosecond() {
    assertThat(page("/api/signals?from=2024-05-01T12:00:01Z&to=2024-05-01T12:00:02.000007Z").signals)
        .containsExactly(ETH_DOWN_1, BTC_RSI_1, BTC_UP_1);
    assertThat(page("/api/signals?from=2024-05-01T12:00:02.000007Z").signals).containsExactly(BTC_VOL_2);
  }

  @Test
  void limitKeepsTheNewestAndOffersTheRest() {
    Page page = page("/api/signals?limit=1");
    assertThat(page.signals).containsExactly(BTC_VOL_2);
    assertThat(page.nextCursor).isNotNull();
    assertThat(page("/api/signals?limit=6").nextCursor).as("exactly filled, nothing after").isNull();
  }

  @Test
  void defaultLimitIs100AndMaxIs1000(Vertx vertx) {
    WebFixture many = WebFixture.withDatabase(vertx);
    many.db.execute("INSERT INTO signals (symbol, name, ts, provider, value, score) SELECT 'BTC-USD', 'n', "
        + "timestamptz '2024-01-01T00:00:00Z' + i * interval '1 second', 'synthetic', 1, 1 "
        + "FROM generate_series(1, 1001) AS i");
    assertThat(pageOf(many, "/api/signals").signals).hasSize(100);
    Page max = pageOf(many, "/api/signals?limit=1000");
    assertThat(max.signals).hasSize(1000);
    assertThat(pageOf(many, "/api/signals?limit=1000&cursor=" + max.nextCursor).signals).hasSize(1);
  }

  @Test
  void eachItemIsExactlyTheV1SignalObject() {
    HttpProbe.Reply reply = fixture.get("/api/signals?symbol=BTC-USD&name=rsi_oversold");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.body()).isEqualTo("{\"signals\":[" + V1Json.toJson(BTC_RSI_1) + "],\"next_cursor\":null}");
    JsonObject item = reply.json().getJsonArray("signals").getJsonObject(0);
    assertThat(item.getInteger("ver")).isEqualTo(1);
    assertThat(item.getJsonObject("meta").getString("features")).isEqualTo("{\"rsi_14\":27.5}");
  }

  @Test
  void metaComesBackAsTheJsonValuesStored(Vertx vertx) {
    WebFixture other = WebFixture.withDatabase(vertx);
    other.db.execute("INSERT INTO signals (symbol, name, ts, provider, value, score, meta) VALUES ('BTC-USD', 'n', "
        + "'2024-05-01T12:00:00Z', 'model', NULL, 0.5, "
        + "'{\"s\":\"text\",\"n\":3,\"o\":{\"a\":1},\"z\":null}')");
    Signal read = pageOf(other, "/api/signals").signals.get(0);
    assertThat(read.meta()).isEqualTo(Map.of("s", "text", "n", 3L, "o", Map.of("a", 1L)));
    assertThat(read.value()).as("a NULL value is the contract's null").isNaN();
  }

  /** query string, then words the detail must contain. */
  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("limit=0", new String[] {"limit", "'0'", "1 to 1000"}),
        Arguments.of("limit=1001", new String[] {"limit", "'1001'", "1 to 1000"}),
        Arguments.of("limit=ten", new String[] {"limit", "'ten'"}),
        Arguments.of("from=yesterday", new String[] {"from", "'yesterday'", "ISO-8601"}),
        Arguments.of("from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z", new String[] {"from", "to", "before"}),
        Arguments.of("symbol=", new String[] {"symbol"}),
        Arguments.of("name=", new String[] {"name"}),
        Arguments.of("cursor=", new String[] {"cursor"}),
        Arguments.of("cursor=not-a-cursor", new String[] {"cursor", "'not-a-cursor'", "next_cursor"}),
        Arguments.of("cursor=" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("{\"ts\":1}".getBytes()),
            new String[] {"cursor"}),
        Arguments.of("cursor=%2A%2A%2A", new String[] {"cursor", "'***'"}),
        Arguments.of("venue=coinbase", new String[] {"venue", "unknown", "symbol, name, from, to, limit, cursor"}),
        Arguments.of("limit=1&limit=2", new String[] {"limit", "2 times"}));
  }

  @ParameterizedTest(name = "?{0}")
  @MethodSource("badRequests")
  void badParameterIs400NamingIt(String query, String[] detailMentions) {
    HttpProbe.Reply reply = fixture.get("/api/signals?" + query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.json().getString("error")).isEqualTo("bad_request");
    assertThat(reply.json().getString("detail")).contains(detailMentions);
  }

  @Test
  void noDatabaseIs503(Vertx vertx) {
    HttpProbe.Reply reply = WebFixture.withoutDatabase(vertx).get("/api/signals");
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.json().getString("error")).isEqualTo("database_unavailable");
  }

  private record Page(List<Signal> signals, String nextCursor) {
  }

  private static Page page(String pathAndQuery) {
    return pageOf(fixture, pathAndQuery);
  }

  /** 200 with the page's signals read back through the v1 contract's own reader. */
  private static Page pageOf(WebFixture on, String pathAndQuery) {
    HttpProbe.Reply reply = on.get(pathAndQuery);
    assertThat(reply.status()).as(pathAndQuery + " -> " + reply.body()).isEqualTo(200);
    JsonObject body = reply.json();
    assertThat(body.fieldNames()).containsExactlyInAnyOrder("signals", "next_cursor");
    JsonArray items = body.getJsonArray("signals");
    List<Signal> signals = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      signals.add(V1Json.readSignal(items.getJsonObject(i).encode()));
    }
    return new Page(signals, body.getString("next_cursor"));
  }
}
