package io.tickwire.codecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Option tickers, mark/funding updates and volatility index values in both wire formats, and their drift. */
class DerivativeEventsTest {
  private static final long T0 = IsoTime.parse("2021-07-22T22:42:03.632000Z");
  private static final long T1 = T0 + 172_000;
  private static final long EXPIRY = IsoTime.parse("2021-09-24T08:00:00Z");

  static OptionTicker optionTicker() {
    return new OptionTicker("deribit", "BTC-24SEP21-8000-P",
        new OptionContract("BTC-24SEP21", EXPIRY, Decimals.parse("8000"), OptionType.PUT),
        Decimals.parse("0.0010"), Decimals.parse("0.0005"), Decimals.parse("12.5"), Decimals.parse("0.0015"),
        Decimals.parse("3.0"), Decimals.parse("32366.75"), Decimals.parse("32208.37"), 120.74, 115.62, 127.5,
        new Greeks(-0.00847, 0.0, 0.84513, -1.64029), Decimals.parse("1061.3"), T0, T1, 11);
  }

  static MarkFunding markFunding() {
    return new MarkFunding("binance_futures", "BTCUSDT", Decimals.parse("32250.12345678"),
        Decimals.parse("32260.51000000"), Decimals.parse("32255.0"), Decimals.parse("-0.00012500"),
        IsoTime.parse("2021-07-23T00:00:00Z"), T0, T1, 12);
  }

  static VolatilityIndex volatilityIndex() {
    return new VolatilityIndex("deribit", "btc_usd", Decimals.parse("85.20"), T0, T1, 13);
  }

  private static String optionJson() {
    return V1Json.toJson(optionTicker());
  }

  @Test
  void optionTickerIsWrittenFlatWithExactPricesAndRoundTrips() {
    String json = optionJson();
    assertThat(json).startsWith("{\"ver\":1,\"kind\":\"option_ticker\",\"venue\":\"deribit\","
        + "\"symbol\":\"BTC-24SEP21-8000-P\",\"underlying\":\"BTC-24SEP21\","
        + "\"expiry\":\"2021-09-24T08:00:00.000000Z\",\"strike\":8000,\"option_type\":\"put\","
        + "\"mark_price\":0.0010,\"bid\":0.0005,\"bid_size\":12.5,\"ask\":0.0015,\"ask_size\":3.0,"
        + "\"underlying_price\":32366.75,\"index_price\":32208.37,\"mark_iv\":120.74,\"bid_iv\":115.62,"
        + "\"ask_iv\":127.5,\"delta\":-0.00847,\"gamma\":0.0,\"vega\":0.84513,\"theta\":-1.64029,"
        + "\"open_interest\":1061.3,\"src_ts\":\"2021-07-22T22:42:03.632000Z\"");
    assertThat(V1Json.readEvent(json)).isEqualTo(optionTicker());
    assertThat(V1Json.readEvent(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(optionTicker());
    assertThat(V1Json.parse(json).unknownKeys()).isEmpty();
  }

  @Test
  void missingVolatilitiesAndGreeksAreNullInJsonAndNaNInTheModel() {
    OptionTicker t = optionTicker();
    OptionTicker bare = new OptionTicker(t.venue(), t.symbol(), t.contract(), t.markPrice(), 0, 0, 0, 0,
        t.underlyingPrice(), t.indexPrice(), t.markIv(), Double.NaN, Double.NaN, Greeks.NONE, t.openInterest(),
        t.eventTime(), 0, 0);
    String json = V1Json.toJson(bare);
    assertThat(json).contains("\"bid\":0,", "\"bid_iv\":null", "\"delta\":null", "\"theta\":null")
        .doesNotContain("ingest_ts");
    OptionTicker read = (OptionTicker) V1Json.readEvent(json);
    assertThat(read.bidIv()).isNaN();
    assertThat(read.greeks().gamma()).isNaN();
    assertThat(V1Json.toJson(read)).isEqualTo(json);
  }

  @Test
  void markFundingRoundTripsWithANegativeRateAndAnOptionalNextFundingTime() {
    String json = V1Json.toJson(markFunding());
    assertThat(json).contains("\"kind\":\"mark_funding\"", "\"mark_price\":32250.12345678",
        "\"index_price\":32260.51000000", "\"est_settlement_price\":32255.0", "\"funding_rate\":-0.00012500",
        "\"next_funding_ts\":\"2021-07-23T00:00:00.000000Z\"");
    assertThat(V1Json.readEvent(json)).isEqualTo(markFunding());

    MarkFunding continuous = new MarkFunding("deribit", "BTC-PERPETUAL", Decimals.parse("32250.5"),
        Decimals.parse("32260.51"), Decimals.parse("32260.51"), Decimals.parse("0.0001"), 0, T0, T1, 0);
    String noNext = V1Json.toJson(continuous);
    assertThat(noNext).doesNotContain("next_funding_ts");
    assertThat(V1Json.readEvent(noNext)).isEqualTo(continuous);
  }

  @Test
  void volatilityIndexRoundTripsKeepingItsDigits() {
    String json = V1Json.toJson(volatilityIndex());
    assertThat(json).contains("\"kind\":\"volatility_index\"", "\"symbol\":\"btc_usd\"", "\"value\":85.20");
    assertThat(V1Json.readEvent(json)).isEqualTo(volatilityIndex());
    assertThat(V1Json.read(json)).isEqualTo(volatilityIndex());
  }

  @Test
  void aBatchOfEveryNewKindRoundTripsInTheBinaryFormat() {
    TickBatch batch = new TickBatch(5, List.of(optionTicker(), markFunding(), volatilityIndex(),
        new Trade("deribit", "BTC-24SEP21-8000-P", "1", Decimals.parse("0.001"), Decimals.parse("1"), Side.BUY,
            T0, T1, 14)));
    Buffer buffer = Buffer.buffer().appendString("prefix");
    Codecs.TICK_BATCH.encodeToWire(buffer, batch);
    TickBatch decoded = Codecs.TICK_BATCH.decodeFromWire(6, buffer);
    assertThat(decoded).isEqualTo(batch);
    OptionTicker ticker = (OptionTicker) decoded.items().get(0);
    assertThat(Decimals.toString(ticker.markPrice())).as("scale kept").isEqualTo("0.0010");
    assertThat(ticker.greeks().delta()).isEqualTo(-0.00847);
  }

  @Test
  void nanGreeksSurviveTheBinaryFormat() {
    OptionTicker t = optionTicker();
    OptionTicker bare = new OptionTicker(t.venue(), t.symbol(), t.contract(), t.markPrice(), 0, 0, 0, 0, 0, 0,
        Double.NaN, Double.NaN, Double.NaN, Greeks.NONE, 0, T0, 0, 0);
    Buffer buffer = Buffer.buffer();
    Codecs.TICK_BATCH.encodeToWire(buffer, new TickBatch(0, List.of(bare)));
    OptionTicker decoded = (OptionTicker) Codecs.TICK_BATCH.decodeFromWire(0, buffer).items().get(0);
    assertThat(decoded).isEqualTo(bare); // records compare doubles by their bits, so NaN equals NaN
  }

  @Test
  void everyTruncationOfANewKindIsATypedError() {
    Buffer full = Buffer.buffer();
    Codecs.TICK_BATCH.encodeToWire(full, new TickBatch(0, List.of(optionTicker(), markFunding(),
        volatilityIndex())));
    for (int cut = 0; cut < full.length(); cut++) {
      Buffer truncated = full.getBuffer(0, cut);
      assertThatThrownBy(() -> Codecs.TICK_BATCH.decodeFromWire(0, truncated)).as("cut at %d", cut)
          .isInstanceOf(WireFormatException.class).hasMessageContaining("truncated");
    }
  }

  @Test
  void aCorruptOptionTypeIsATypedError() {
    OptionTicker t = optionTicker();
    Buffer buffer = Buffer.buffer();
    Codecs.TICK_BATCH.encodeToWire(buffer, new TickBatch(0, List.of(t)));
    byte[] bytes = buffer.getBytes();
    // find the option type byte as the one byte that differs from the same ticker as a call
    Buffer reference = Buffer.buffer();
    Codecs.TICK_BATCH.encodeToWire(reference, new TickBatch(0, List.of(new OptionTicker(t.venue(), t.symbol(),
        new OptionContract(t.contract().underlying(), EXPIRY, t.contract().strike(), OptionType.CALL),
        t.markPrice(), t.bidPrice(), t.bidSize(), t.askPrice(), t.askSize(), t.underlyingPrice(), t.indexPrice(),
        t.markIv(), t.bidIv(), t.askIv(), t.greeks(), t.openInterest(), T0, T1, 11))));
    int at = firstDifference(bytes, reference.getBytes());
    bytes[at] = 9;
    assertThatThrownBy(() -> Codecs.TICK_BATCH.decodeFromWire(0, Buffer.buffer(bytes)))
        .isInstanceOf(WireFormatException.class).hasMessageContaining("unknown option type 9");
  }

  private static int firstDifference(byte[] a, byte[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return i;
      }
    }
    throw new AssertionError("no difference");
  }

  // ---- schema drift: the same classification as the existing kinds ----

  @ParameterizedTest
  @ValueSource(strings = {"underlying", "expiry", "strike", "option_type", "mark_price", "bid", "ask_size",
      "underlying_price", "index_price", "mark_iv", "delta", "theta", "open_interest", "src_ts"})
  void aMissingOptionTickerKeyIsSchemaDriftNamingTheKey(String key) {
    V1FormatException e = failure(V1Json.toJson(optionTicker()).replaceFirst(",\"" + key + "\":[^,]+", ""));
    assertThat(e.field()).isEqualTo(key);
    assertThat(e.problem()).isEqualTo(V1FormatException.Problem.MISSING);
    assertThat(e.schemaDrift()).isTrue();
    assertThat(e.venue()).isEqualTo("deribit");
    assertThat(e.symbol()).isEqualTo("BTC-24SEP21-8000-P");
  }

  @Test
  void aChangedTypeOfANewKindsKeyIsSchemaDrift() {
    assertThat(failure(optionJson().replace("\"strike\":8000", "\"strike\":{\"v\":8000}")))
        .satisfies(e -> assertThat(e.field()).isEqualTo("strike"))
        .satisfies(e -> assertThat(e.problem()).isEqualTo(V1FormatException.Problem.WRONG_TYPE));
    assertThat(failure(optionJson().replace("\"mark_iv\":120.74", "\"mark_iv\":\"120.74\"")).problem())
        .isEqualTo(V1FormatException.Problem.WRONG_TYPE);
    assertThat(failure(optionJson().replace("\"option_type\":\"put\"", "\"option_type\":1")).problem())
        .isEqualTo(V1FormatException.Problem.WRONG_TYPE);
    String funding = V1Json.toJson(markFunding());
    assertThat(failure(funding.replace("\"funding_rate\":-0.00012500", "\"funding_rate\":true")).field())
        .isEqualTo("funding_rate");
    assertThat(failure(funding.replace("\"next_funding_ts\":\"2021-07-23T00:00:00.000000Z\"",
        "\"next_funding_ts\":1627000000000")).schemaDrift()).isTrue();
    String vol = V1Json.toJson(volatilityIndex());
    assertThat(failure(vol.replace("\"value\":85.20", "\"value\":[85.2]")).schemaDrift()).isTrue();
    assertThat(failure(vol.replace(",\"value\":85.20", "")).problem())
        .isEqualTo(V1FormatException.Problem.MISSING);
    assertThat(failure(funding.replace(",\"mark_price\":32250.12345678", "")).field()).isEqualTo("mark_price");
  }

  @Test
  void unknownKeysOfTheNewKindsAreReportedAndKeysOfOtherKindsCountAsUnknown() {
    String json = optionJson().replace("{\"ver\":1,", "{\"ver\":1,\"rho\":0.01,\"funding_rate\":0.1,");
    V1Json.Parsed parsed = V1Json.parse(json);
    assertThat(parsed.record()).isEqualTo(optionTicker());
    assertThat(parsed.unknownKeys()).containsExactlyInAnyOrder("rho", "funding_rate");
    String funding = V1Json.toJson(markFunding()).replace("{\"ver\":1,", "{\"ver\":1,\"strike\":1,");
    assertThat(V1Json.parse(funding).unknownKeys()).containsExactly("strike");
    String vol = V1Json.toJson(volatilityIndex()).replace("{\"ver\":1,", "{\"ver\":1,\"score\":1,");
    assertThat(V1Json.parse(vol).unknownKeys()).containsExactly("score");
  }

  @Test
  void badValuesAreNotSchemaDrift() {
    V1FormatException type = failure(optionJson().replace("\"option_type\":\"put\"", "\"option_type\":\"straddle\""));
    assertThat(type.problem()).isEqualTo(V1FormatException.Problem.BAD_VALUE);
    assertThat(type).hasMessage("field 'option_type': expected call or put, got \"straddle\"");
    assertThat(failure(optionJson().replace("\"expiry\":\"2021-09-24T08:00:00.000000Z\"", "\"expiry\":\"24SEP21\""))
        .problem()).isEqualTo(V1FormatException.Problem.BAD_VALUE);
    assertThat(failure(optionJson().replace("\"strike\":8000", "\"strike\":\"8k\"")).problem())
        .isEqualTo(V1FormatException.Problem.BAD_VALUE);
  }

  @Test
  void readEventNamesTheNewKindsAmongTheEvents() {
    String bar = V1Json.toJson(new Bar("v", "S", 1000, T0, 1, 1, 1, 1, 1, 1, 1, 0));
    assertThatThrownBy(() -> V1Json.readEvent(bar)).isInstanceOf(V1FormatException.class)
        .hasMessage("field 'kind': expected trade, quote, book, gap, option_ticker, mark_funding or "
            + "volatility_index, got \"bar\"");
  }

  @Test
  void anIngestTimeCanBeStampedOnEveryKind() {
    for (MarketEvent e : List.<MarketEvent>of(optionTicker(), markFunding(), volatilityIndex())) {
      MarketEvent stamped = e.withIngestTime(42);
      assertThat(stamped.ingestTime()).isEqualTo(42);
      assertThat(stamped.withIngestTime(e.ingestTime())).isEqualTo(e);
      assertThat(stamped.withSeq(e.seq())).isEqualTo(stamped);
    }
  }

  private static V1FormatException failure(String json) {
    try {
      V1Json.read(json);
    } catch (V1FormatException e) {
      return e;
    }
    throw new AssertionError("expected a V1FormatException for " + json);
  }
}
