package io.tickwire.codecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Consolidated spot mids and volatility surfaces in both wire formats. */
class DerivedRecordsTest {
  private static final long T0 = IsoTime.parse("2024-05-01T12:00:01Z");
  private static final long EXPIRY = IsoTime.parse("2024-06-28T08:00:00Z");

  static SpotMid spotMid() {
    VenueQuote coinbase = new VenueQuote("coinbase", "BTC-USD", Decimals.parse("65000.10"), Decimals.parse("0.5"),
        Decimals.parse("65000.20"), Decimals.parse("1.25"), T0 - 120_000, 120, true);
    return new SpotMid("BTC", T0, 65000.15, SpotMid.OK, 1, 0.0, List.of(coinbase, VenueQuote.never("kraken",
        "BTC/USD")), 65010.5, 10.35, 1.5923, 0.0001);
  }

  static IvSurface surface() {
    return new IvSurface("deribit", "BTC", EXPIRY, T0, 65100.5, 52.25, 12, 2, 850,
        List.of(new SmilePoint(Decimals.parse("60000"), 55.5), new SmilePoint(Decimals.parse("70000.5"), 50.125)));
  }

  private static <B extends Batch<E>, E> B roundTrip(BatchCodec<B, E> codec, B batch) {
    Buffer buffer = Buffer.buffer();
    codec.encodeToWire(buffer, batch);
    return codec.decodeFromWire(0, buffer);
  }

  @Test
  void spotMidBatchesRoundTripThroughTheBinaryCodec() {
    SpotMid noPerp = new SpotMid("ETH", T0 + 1_000_000, Double.NaN, SpotMid.DEGRADED, 0, Double.NaN, List.of(),
        Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    SpotMidBatch batch = new SpotMidBatch(List.of(spotMid(), noPerp));
    assertThat(roundTrip(Codecs.SPOT_MID_BATCH, batch)).isEqualTo(batch);
  }

  @Test
  void surfaceBatchesRoundTripThroughTheBinaryCodec() {
    IvSurface empty = new IvSurface("deribit", "ETH", EXPIRY, T0, 3100.0, Double.NaN, 4, 0, 0, List.of());
    IvSurfaceBatch batch = new IvSurfaceBatch(List.of(surface(), empty));
    assertThat(roundTrip(Codecs.IV_SURFACE_BATCH, batch)).isEqualTo(batch);
  }

  @Test
  void spotMidIsWrittenWithExactQuotesAndNullsForWhatCouldNotBeHad() {
    JsonObject json = new JsonObject(V1Json.toJson(spotMid()));
    assertThat(V1Json.toJson(spotMid())).startsWith("{\"ver\":1,\"kind\":\"spot_mid\",\"asset\":\"BTC\","
        + "\"ts\":\"2024-05-01T12:00:01.000000Z\",\"mid\":65000.15,\"quality\":\"ok\",\"fresh_venues\":1,"
        + "\"dispersion_bps\":0.0,\"venues\":[{\"venue\":\"coinbase\",\"symbol\":\"BTC-USD\",\"bid\":65000.10,"
        + "\"bid_size\":0.5,\"ask\":65000.20,\"ask_size\":1.25,\"mid\":65000.15,"
        + "\"quote_ts\":\"2024-05-01T12:00:00.880000Z\",\"age_ms\":120,\"fresh\":true}");
    JsonObject never = json.getJsonArray("venues").getJsonObject(1);
    assertThat(never.getValue("bid")).isNull();
    assertThat(never.getValue("age_ms")).isNull();
    assertThat(never.getBoolean("fresh")).isFalse();
    assertThat(json.getDouble("basis_bps")).isEqualTo(1.5923);
    assertThat(json.getDouble("funding_rate")).isEqualTo(0.0001);
  }

  @Test
  void surfaceIsWrittenWithExactStrikes() {
    assertThat(V1Json.toJson(surface())).isEqualTo("{\"ver\":1,\"kind\":\"iv_surface\",\"venue\":\"deribit\","
        + "\"underlying\":\"BTC\",\"expiry\":\"2024-06-28T08:00:00.000000Z\",\"ts\":\"2024-05-01T12:00:01.000000Z\","
        + "\"forward\":65100.5,\"atm_iv\":52.25,\"strikes_seen\":12,\"strikes_kept\":2,\"oldest_input_age_ms\":850,"
        + "\"smile\":[[60000,55.5],[70000.5,50.125]]}");
    IvSurface noAtm = new IvSurface("deribit", "BTC", EXPIRY, T0, 65100.5, Double.NaN, 1, 0, 0, List.of());
    assertThat(new JsonObject(V1Json.toJson(noAtm)).getValue("atm_iv")).isNull();
    assertThat(new JsonObject(V1Json.toJson(noAtm)).getJsonArray("smile")).isEqualTo(new JsonArray());
  }

  @Test
  void featuresLeaveOutWhatCouldNotBeHad() {
    assertThat(spotMid().features()).containsOnlyKeys(SpotMid.FEATURE_NAMES);
    SpotMid noPerp = new SpotMid("BTC", T0, 65000.0, SpotMid.OK, 2, 0.0, List.of(), Double.NaN, Double.NaN,
        Double.NaN, 0.0001);
    assertThat(noPerp.features()).containsOnlyKeys(SpotMid.SPOT_MID, SpotMid.FUNDING_RATE);
  }

  @Test
  void aQualityOutsideTheThreeIsRefused() {
    assertThatThrownBy(() -> new SpotMid("BTC", T0, 1.0, "fine", 1, 0.0, List.of(), 1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quality");
  }

  @Test
  void aVenueMidIsTheExactHalfSumRoundedOnce() {
    VenueQuote quote = new VenueQuote("x", "Y", Decimals.parse("0.1"), 0, Decimals.parse("0.2"), 0, T0, 0, true);
    assertThat(quote.exactMid()).isEqualByComparingTo("0.15");
    assertThat(quote.mid()).isEqualTo(0.15);
    assertThat(VenueQuote.never("x", "Y").mid()).isNaN();
  }
}
