package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.IvSurface;
import io.tickwire.codecs.SmilePoint;
import io.tickwire.codecs.SpotMid;
import io.tickwire.codecs.VenueQuote;
import io.tickwire.store.IvSurfaceRows;
import io.tickwire.store.PooledInsert;
import io.tickwire.store.SpotMidRows;
import io.tickwire.testing.Await;
import io.tickwire.testing.HttpProbe;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code GET /api/mid} and {@code GET /api/iv_surface} over real HTTP against rows in a real PostgreSQL: filters,
 * order and limit, exact values back, a replayed write storing nothing twice, and client mistakes named.
 */
@ExtendWith(VertxExtension.class)
class DerivedApiTest {
  private static final long SECOND = 1_000_000L;
  private static final long T0 = IsoTime.parse("2024-05-01T12:00:00Z");
  private static final long JUNE = IsoTime.parse("2024-06-28T08:00:00Z");
  private static final long SEPTEMBER = IsoTime.parse("2024-09-27T08:00:00Z");

  private static WebFixture fixture;

  @BeforeAll
  static void fillTables(Vertx vertx) {
    fixture = WebFixture.withDatabase(vertx);
    List<SpotMid> mids = List.of(mid("BTC", 0, 65000.125), mid("BTC", 1, 65001.5), mid("BTC", 2, 65002.25),
        mid("ETH", 1, 3100.5));
    PooledInsert<SpotMid> midRows = new PooledInsert<>(fixture.database.pool(), new SpotMidRows());
    assertThat(Await.result(midRows.write(mids))).isEqualTo(4);
    assertThat(Await.result(midRows.write(mids))).as("a replay stores nothing twice").isZero();
    PooledInsert<IvSurface> surfaceRows = new PooledInsert<>(fixture.database.pool(), new IvSurfaceRows());
    Await.result(surfaceRows.write(List.of(surface(JUNE, 0, 55.0), surface(SEPTEMBER, 0, 60.0),
        surface(JUNE, 10, 56.0), surface(SEPTEMBER, 10, 61.0))));
  }

  private static SpotMid mid(String asset, int second, double mid) {
    VenueQuote quote = new VenueQuote("coinbase", asset + "-USD", Decimals.parse("65000.10"), Decimals.parse("0.50"),
        Decimals.parse("65000.20"), Decimals.parse("1"), T0 + second * SECOND - 250_000, 250, true);
    return new SpotMid(asset, T0 + second * SECOND, mid, SpotMid.OK, 1, 0.0,
        List.of(quote, VenueQuote.never("kraken", asset + "/USD")), Double.NaN, Double.NaN, Double.NaN, 0.0001);
  }

  private static IvSurface surface(long expiry, int second, double atm) {
    return new IvSurface("deribit", "BTC", expiry, T0 + second * SECOND, 65100.5, atm, 5, 2, 300,
        List.of(new SmilePoint(Decimals.parse("60000"), atm + 2), new SmilePoint(Decimals.parse("70000.5"), atm - 1)));
  }

  @Test
  void midsOfOneAssetNewestFirstExactlyAsWritten() {
    HttpProbe.Reply reply = fixture.get("/api/mid?asset=BTC");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body()).isEqualTo(Replies.v1Array(List.of(mid("BTC", 2, 65002.25), mid("BTC", 1, 65001.5),
        mid("BTC", 0, 65000.125))).toString());
    assertThat(reply.body()).contains("\"bid\":65000.10,\"bid_size\":0.50");
  }

  @Test
  void midsByTimeRangeAndLimit() {
    assertThat(times("/api/mid?asset=BTC&from=2024-05-01T12:00:01Z")).containsExactly("2024-05-01T12:00:02.000000Z",
        "2024-05-01T12:00:01.000000Z");
    assertThat(times("/api/mid?asset=BTC&to=2024-05-01T12:00:02Z&limit=1")).containsExactly(
        "2024-05-01T12:00:01.000000Z");
    assertThat(times("/api/mid?asset=ETH")).hasSize(1);
    assertThat(times("/api/mid?asset=SOL")).isEmpty();
  }

  @Test
  void surfacesOfTheNewestSnapshotPerExpiry() {
    JsonArray all = new JsonArray(fixture.get("/api/iv_surface?underlying=BTC").body());
    assertThat(all).hasSize(2);
    assertThat(fixture.get("/api/iv_surface?underlying=BTC").body()).isEqualTo(Replies.v1Array(List.of(
        surface(JUNE, 10, 56.0), surface(SEPTEMBER, 10, 61.0))).toString());
    assertThat(new JsonArray(fixture.get("/api/iv_surface?underlying=BTC&expiry=2024-09-27").body()))
        .extracting(o -> ((io.vertx.core.json.JsonObject) o).getDouble("atm_iv")).containsExactly(61.0);
    assertThat(new JsonArray(fixture.get("/api/iv_surface?underlying=BTC&expiry=2024-06-28T08:00:00Z"
        + "&at=2024-05-01T12:00:05Z").body())).extracting(o -> ((io.vertx.core.json.JsonObject) o)
        .getDouble("atm_iv")).as("as of 5 s: the first snapshot").containsExactly(55.0);
    assertThat(new JsonArray(fixture.get("/api/iv_surface?underlying=BTC&venue=okx").body())).isEmpty();
    assertThat(fixture.get("/api/iv_surface?underlying=BTC").body()).contains("[70000.5,");
  }

  @Test
  void clientMistakesAreNamed() {
    assertError("/api/mid", "asset", "required");
    assertError("/api/mid?asset=BTC&limit=0", "limit", "1 to 5000");
    assertError("/api/mid?asset=BTC&from=yesterday", "from", "ISO-8601");
    assertError("/api/mid?asset=BTC&symbol=BTC-USD", "symbol", "allowed");
    assertError("/api/mid?asset=BTC&from=2024-05-01T12:00:02Z&to=2024-05-01T12:00:01Z", "from", "before");
    assertError("/api/iv_surface", "underlying", "required");
    assertError("/api/iv_surface?underlying=BTC&expiry=June", "expiry", "2024-06-28");
    assertError("/api/iv_surface?underlying=BTC&at=now", "at", "ISO-8601");
  }

  @Test
  void withoutADatabaseAValidRequestIsA503(Vertx vertx) {
    WebFixture bare = WebFixture.withoutDatabase(vertx);
    assertThat(bare.get("/api/mid?asset=BTC").status()).isEqualTo(503);
    assertThat(bare.get("/api/iv_surface?underlying=BTC").status()).isEqualTo(503);
    assertThat(bare.get("/api/mid").status()).as("a client mistake first").isEqualTo(400);
  }

  private static void assertError(String path, String... mentions) {
    HttpProbe.Reply reply = fixture.get(path);
    assertThat(reply.status()).as(path).isEqualTo(400);
    assertThat(reply.body()).as(path).contains(mentions);
  }

  private static List<String> times(String path) {
    return new JsonArray(fixture.get(path).body()).stream()
        .map(o -> ((io.vertx.core.json.JsonObject) o).getString("ts")).toList();
  }
}
