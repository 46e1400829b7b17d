package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.IsoTime;
import io.tickwire.testing.HttpProbe;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /api/bars?series=...} over real HTTP against rows in a real {@code info_bars} table. */
@ExtendWith(VertxExtension.class)
class InfoBarsApiTest {
  private static final long T0 = IsoTime.parse("2024-05-01T12:00:00Z");
  private static WebFixture fixture;

  @BeforeAll
  static void fillTable(Vertx vertx) {
    fixture = WebFixture.withDatabase(vertx, "batcher.info_bars=[volume:5,tick:100@BTC-*]");
    fixture.db.execute("""
        INSERT INTO info_bars VALUES
          ('coinbase', 'BTC-USD', 'volume:5', '2024-05-01T12:00:00Z', '7', '2024-05-01T12:00:03.5Z',
           100, 102, 99, 101, 5.25, 530.5, 12),
          ('coinbase', 'BTC-USD', 'volume:5', '2024-05-01T12:00:03.5Z', '19', '2024-05-01T12:00:03.5Z',
           101, 101, 101, 101, 6, 606, 1),
          ('coinbase', 'BTC-USD', 'volume:5', '2024-05-01T12:00:03.5Z', '20', '2024-05-01T12:00:09Z',
           101, 103, 100.5, 102.5, 5, 510, 30),
          ('coinbase', 'BTC-USD', 'tick:100', '2024-05-01T12:00:00Z', '7', '2024-05-01T12:01:00Z',
           100, 104, 98, 103, 40, 4000, 100),
          ('coinbase', 'ETH-USD', 'volume:5', '2024-05-01T12:00:00Z', '1', '2024-05-01T12:00:01Z',
           3000, 3001, 2999, 3000.5, 5, 15000, 3)""");
  }

  @Test
  void aSeriesComesBackNewestFirstAsInfoBarObjects() {
    HttpProbe.Reply reply = fixture.get("/api/bars?symbol=BTC-USD&series=volume:5");
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    JsonArray items = reply.jsonArray();
    assertThat(items).hasSize(3);
    JsonObject newest = items.getJsonObject(0);
    assertThat(newest.getString("kind")).isEqualTo("info_bar");
    assertThat(newest.getString("series")).isEqualTo("volume:5");
    assertThat(newest.getString("first_trade_id")).isEqualTo("20");
    assertThat(newest.getString("start")).isEqualTo(IsoTime.format(T0 + 3_500_000));
    assertThat(newest.getString("end")).isEqualTo(IsoTime.format(T0 + 9_000_000));
    assertThat(newest.getDouble("volume")).isEqualTo(5.0);
    assertThat(newest.getDouble("notional")).isEqualTo(510.0);
    assertThat(newest.getLong("trades")).isEqualTo(30);
    assertThat(items.getJsonObject(1).getString("first_trade_id")).as("same start: later first trade first")
        .isEqualTo("19");
  }

  @Test
  void labelCloseNamesAnInformationBarByItsLastTrade() {
    JsonObject newest = fixture.get("/api/bars?symbol=BTC-USD&series=volume:5&label=close&limit=1").jsonArray()
        .getJsonObject(0);
    assertThat(newest.getString("ts")).isEqualTo(IsoTime.format(T0 + 9_000_000));
  }

  @Test
  void equivalentSpellingsOfAThresholdNameTheSameSeries() {
    assertThat(fixture.get("/api/bars?symbol=BTC-USD&series=volume:5.0").jsonArray()).hasSize(3);
    assertThat(fixture.get("/api/bars?symbol=BTC-USD&series=tick:100").jsonArray()).hasSize(1);
  }

  @Test
  void anUnconfiguredOrMalformedSeriesIsRefusedNamingIt() {
    for (String bad : new String[] {"volume:6", "price:5", "volume:abc", "tick:100@BTC-*"}) {
      HttpProbe.Reply reply = fixture.get("/api/bars?symbol=BTC-USD&series=" + HttpProbe.encode(bad));
      assertThat(reply.status()).as(bad + " -> " + reply.body()).isEqualTo(400);
      assertThat(reply.json().getString("detail")).contains("series").contains("volume:5");
    }
    HttpProbe.Reply withInterval = fixture.get("/api/bars?symbol=BTC-USD&series=volume:5&interval=1s");
    assertThat(withInterval.status()).isEqualTo(400);
    assertThat(withInterval.json().getString("detail")).contains("interval");
  }
}
