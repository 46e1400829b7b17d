package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/bars} with {@code resample}, {@code fill} and {@code label} over real HTTP against stored 1s bars
 * in a real PostgreSQL: 1s bars of two venues with a quiet stretch, regrouped into 10s windows and compared with
 * the same regrouping done here over the inserted bars.
 */
@ExtendWith(VertxExtension.class)
class BarsResampleApiTest {
  private static final long SECOND = 1_000_000L;
  private static final long T0 = IsoTime.parse("2024-05-01T12:00:00Z");
  private static final List<Bar> STORED = new ArrayList<>();

  private static WebFixture fixture;

  @BeforeAll
  static void fillTable(Vertx vertx) {
    Random random = new Random(24);
    for (int s = 0; s < 35; s++) {
      if (s >= 10 && s < 20) {
        continue; // a quiet ten seconds: the 10s window at T0 + 10 s has no bar with trades
      }
      double open = 100 + random.nextInt(100) / 4.0;
      double close = 100 + random.nextInt(100) / 4.0;
      double volume = 1 + random.nextInt(50) / 8.0;
      STORED.add(new Bar("coinbase", "BTC-USD", 1000, T0 + s * SECOND, open, Math.max(open, close) + 1,
          Math.min(open, close) - 1, close, volume, (open + close) / 2, 1 + random.nextInt(9), s % 3 == 0 ? 1 : 0));
    }
    STORED.add(new Bar("kraken", "BTC-USD", 1000, T0 + 3 * SECOND, 99, 99.5, 98.5, 99.25, 2, 99, 4, 0));
    fixture = WebFixture.withDatabase(vertx);
    TestBars.insert(fixture.db, STORED);
  }

  @Test
  void skipRegroupsWindowsWithTradesOnly() {
    List<Bar> bars = bars("/api/bars?symbol=BTC-USD&venue=coinbase&resample=1s&interval=10s&fill=skip");
    assertThat(bars).extracting(Bar::start).containsExactly(T0 + 30 * SECOND, T0 + 20 * SECOND, T0);
    bars.forEach(BarsResampleApiTest::assertEqualsRegrouped);
  }

  @Test
  void flatFillsTheQuietWindowAtThePreviousClose() {
    List<Bar> bars = bars("/api/bars?symbol=BTC-USD&venue=coinbase&resample=1s&interval=10s&fill=flat");
    assertThat(bars).extracting(Bar::start)
        .containsExactly(T0 + 30 * SECOND, T0 + 20 * SECOND, T0 + 10 * SECOND, T0);
    Bar filled = bars.get(2);
    assertThat(filled.filled()).isTrue();
    assertThat(filled.trades()).isZero();
    assertThat(filled.volume()).isZero();
    double previousClose = STORED.get(9).close(); // the coinbase bar at T0 + 9 s
    assertThat(List.of(filled.open(), filled.high(), filled.low(), filled.close())).containsOnly(previousClose);
    List.of(bars.get(0), bars.get(1), bars.get(3)).forEach(BarsResampleApiTest::assertEqualsRegrouped);
  }

  @Test
  void noneFillsTheQuietWindowWithoutPrices() {
    HttpProbe.Reply reply = fixture.get("/api/bars?symbol=BTC-USD&venue=coinbase&resample=1s&interval=10s&fill=none");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonObject filled = reply.jsonArray().getJsonObject(2);
    assertThat(filled.getBoolean("filled")).isTrue();
    assertThat(filled.getValue("open")).isNull();
    assertThat(filled.getValue("close")).isNull();
    assertThat(filled.getString("start")).isEqualTo(IsoTime.format(T0 + 10 * SECOND));
  }

  @Test
  void everyVenueIsResampledOnItsOwn() {
    List<Bar> bars = bars("/api/bars?symbol=BTC-USD&resample=1s&interval=10s&fill=skip");
    assertThat(bars).extracting(b -> b.venue() + "@" + (b.start() - T0) / SECOND)
        .containsExactly("coinbase@30", "coinbase@20", "coinbase@0", "kraken@0");
    bars.forEach(BarsResampleApiTest::assertEqualsRegrouped);
  }

  @Test
  void limitKeepsTheNewestWindowsEmptyOnesCounted() {
    assertThat(bars("/api/bars?symbol=BTC-USD&venue=coinbase&resample=1s&interval=10s&fill=flat&limit=3"))
        .extracting(Bar::start).containsExactly(T0 + 30 * SECOND, T0 + 20 * SECOND, T0 + 10 * SECOND);
  }

  @Test
  void labelCloseNamesEachBarByItsEnd() {
    HttpProbe.Reply reply = fixture.get("/api/bars?symbol=BTC-USD&venue=coinbase&limit=2&label=close");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonArray items = reply.jsonArray();
    assertThat(items.getJsonObject(0).getString("label")).isEqualTo("close");
    assertThat(items.getJsonObject(0).getString("ts")).isEqualTo(IsoTime.format(T0 + 35 * SECOND));
    assertThat(items.getJsonObject(0).getString("ts")).isEqualTo(items.getJsonObject(0).getString("end"));
    HttpProbe.Reply open = fixture.get("/api/bars?symbol=BTC-USD&venue=coinbase&limit=2&label=open");
    assertThat(open.jsonArray().getJsonObject(1).getString("ts")).isEqualTo(IsoTime.format(T0 + 33 * SECOND));
  }

  @Test
  void badShapesAreRefusedNamingTheParameter() {
    assertBad("/api/bars?symbol=BTC-USD&label=middle", "label");
    assertBad("/api/bars?symbol=BTC-USD&resample=1s&interval=1500ms", "interval");
    assertBad("/api/bars?symbol=BTC-USD&resample=1s&interval=1s", "interval");
    assertBad("/api/bars?symbol=BTC-USD&resample=2s&interval=10s", "resample");
    assertBad("/api/bars?symbol=BTC-USD&resample=1s&interval=7s&fill=flat", "interval");
    assertBad("/api/bars?symbol=BTC-USD&resample=1s&interval=10s&fill=prev", "fill");
    assertBad("/api/bars?symbol=BTC-USD&fill=flat", "fill");
  }

  private static void assertBad(String pathAndQuery, String parameter) {
    HttpProbe.Reply reply = fixture.get(pathAndQuery);
    assertThat(reply.status()).as(pathAndQuery + " -> " + reply.body()).isEqualTo(400);
    assertThat(reply.json().getString("detail")).as(pathAndQuery).contains(parameter);
  }

  /** The resampled bar equals the regrouping of the stored 1s bars of its venue and window, done here. */
  private static void assertEqualsRegrouped(Bar bar) {
    List<Bar> parts = STORED.stream().filter(b -> b.venue().equals(bar.venue()) && b.start() >= bar.start()
        && b.start() < bar.end()).sorted((a, b) -> Long.compare(a.start(), b.start())).toList();
    assertThat(parts).as("stored bars in " + bar).isNotEmpty();
    assertThat(bar.filled()).isFalse();
    assertThat(bar.end() - bar.start()).isEqualTo(10 * SECOND);
    assertThat(bar.open()).isEqualTo(parts.get(0).open());
    assertThat(bar.close()).isEqualTo(parts.get(parts.size() - 1).close());
    assertThat(bar.high()).isEqualTo(parts.stream().mapToDouble(Bar::high).max().orElseThrow());
    assertThat(bar.low()).isEqualTo(parts.stream().mapToDouble(Bar::low).min().orElseThrow());
    double volume = parts.stream().mapToDouble(Bar::volume).sum();
    assertThat(bar.volume()).isCloseTo(volume, within(1e-9));
    double notional = parts.stream().mapToDouble(b -> b.vwap() * b.volume()).sum();
    assertThat(bar.vwap()).isCloseTo(notional / volume, within(1e-9));
    assertThat(bar.trades()).isEqualTo(parts.stream().mapToLong(Bar::trades).sum());
    assertThat(bar.revision()).isEqualTo(parts.stream().mapToInt(Bar::revision).max().orElseThrow());
  }

  private static List<Bar> bars(String pathAndQuery) {
    HttpProbe.Reply reply = fixture.get(pathAndQuery);
    assertThat(reply.status()).as(pathAndQuery + " -> " + reply.body()).isEqualTo(200);
    JsonArray items = reply.jsonArray();
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      bars.add(V1Json.readBar(items.getJsonObject(i).encode()));
    }
    return bars;
  }
}
