package io.tickwire.codecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class V1JsonTest {
  private static final long T0 = IsoTime.parse("2024-05-01T12:00:00.123456Z");
  private static final long T1 = T0 + 1_500;

  private static Trade trade() {
    return new Trade("coinbase", "BTC-USD", "t-42", Decimals.parse("65000.10"), Decimals.parse("0.5"), Side.BUY,
        T0, T1, 183);
  }

  @Test
  void tradeIsWrittenInTheContractShapeWithExactDigits() {
    assertThat(V1Json.toJson(trade())).isEqualTo("{\"ver\":1,\"kind\":\"trade\",\"venue\":\"coinbase\","
        + "\"symbol\":\"BTC-USD\",\"trade_id\":\"t-42\",\"price\":65000.10,\"size\":0.5,\"side\":\"buy\","
        + "\"src_ts\":\"2024-05-01T12:00:00.123456Z\",\"ingest_ts\":\"2024-05-01T12:00:00.124956Z\",\"seq\":183,"
        + "\"event_id\":\"coinbase|BTC-USD|2024-05-01T12:00:00.123456Z|183\"}");
  }

  @Test
  void tradeRoundTripsFromStringAndBytes() {
    String json = V1Json.toJson(trade());
    assertThat(V1Json.readEvent(json)).isEqualTo(trade());
    assertThat(V1Json.readEvent(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(trade());
    assertThat(V1Json.read(json)).isEqualTo(trade());
  }

  @Test
  void priceKeepsItsScaleAndDigitsNoDoubleCouldHold() {
    // 18 significant digits: a double would print 1.2345678912345679E8.
    Trade t = (Trade) V1Json.readEvent(
        "{\"ver\":1,\"kind\":\"trade\",\"venue\":\"v\",\"symbol\":\"S\",\"trade_id\":\"1\",\"price\":123456789.123456789,"
            + "\"size\":1.50,\"side\":\"sell\",\"src_ts\":\"2024-05-01T12:00:00Z\"}");
    assertThat(Decimals.toString(t.price())).isEqualTo("123456789.123456789");
    assertThat(Decimals.scale(t.size())).isEqualTo(2);
    assertThat(V1Json.toJson(t)).contains("\"price\":123456789.123456789,\"size\":1.50,");
  }

  @Test
  void priceAndSizeMayArriveAsDecimalStringsAndKeysInAnyOrder() {
    Trade t = (Trade) V1Json.readEvent("{\"side\":\"sell\",\"size\":\"0.0100\",\"price\":\"65000.10\",\"symbol\":\"BTC-USD\","
        + "\"src_ts\":\"2024-05-01T12:00:00.123456Z\",\"trade_id\":987654321,\"venue\":\"kraken\",\"kind\":\"trade\",\"ver\":1}");
    assertThat(Decimals.toString(t.price())).isEqualTo("65000.10");
    assertThat(Decimals.toString(t.size())).isEqualTo("0.0100");
    assertThat(t.tradeId()).isEqualTo("987654321");
    assertThat(t.side()).isEqualTo(Side.SELL);
  }

  @Test
  void seqAndIngestTimeAreOptionalAndDefaultToZero() {
    Trade t = (Trade) V1Json.readEvent("{\"ver\":1,\"kind\":\"trade\",\"venue\":\"v\",\"symbol\":\"S\",\"trade_id\":\"1\","
        + "\"price\":1,\"size\":2,\"side\":\"buy\",\"src_ts\":\"2024-05-01T12:00:00Z\"}");
    assertThat(t.seq()).isZero();
    assertThat(t.ingestTime()).isZero();
    assertThat(V1Json.toJson(t)).doesNotContain("ingest_ts");
    assertThat(V1Json.readEvent(V1Json.toJson(t))).isEqualTo(t);
  }

  @Test
  void quoteRoundTrips() {
    Quote q = new Quote("binance", "ETH-USDT", Decimals.parse("3100.25"), Decimals.parse("1.200"),
        Decimals.parse("3100.26"), Decimals.parse("0.8"), T0, T1, 7);
    String json = V1Json.toJson(q);
    assertThat(json).contains("\"kind\":\"quote\"", "\"bid\":3100.25", "\"bid_size\":1.200", "\"ask\":3100.26",
        "\"ask_size\":0.8");
    assertThat(V1Json.readEvent(json)).isEqualTo(q);
  }

  @Test
  void bookRoundTripsWithLevelsSplitIntoBidsAndAsks() {
    BookUpdate book = new BookUpdate("kraken", "XBT/USD", true, List.of(
        new BookLevel(Side.BUY, Decimals.parse("64999.9"), Decimals.parse("1.5")),
        new BookLevel(Side.BUY, Decimals.parse("64999.8"), Decimals.parse("0")),
        new BookLevel(Side.SELL, Decimals.parse("65000.1"), Decimals.parse("2.25"))), T0, T1, 9);
    String json = V1Json.toJson(book);
    assertThat(json).contains("\"snapshot\":true,\"bids\":[[64999.9,1.5],[64999.8,0]],\"asks\":[[65000.1,2.25]]");
    assertThat(V1Json.readEvent(json)).isEqualTo(book);
  }

  @Test
  void gapMarkerRoundTripsWithItsReason() {
    FeedGap gap = new FeedGap("binance", "BTCUSDT", "connection closed: 1006", T0, T1, 4);
    String json = V1Json.toJson(gap);
    assertThat(json).contains("\"kind\":\"gap\"").contains("\"reason\":\"connection closed: 1006\"");
    assertThat(V1Json.readEvent(json)).isEqualTo(gap);
    assertThatThrownBy(() -> V1Json.readEvent(json.replace(",\"reason\":\"connection closed: 1006\"", "")))
        .hasMessageContaining("reason");
  }

  @Test
  void barRoundTripsWithIntervalStartAndEnd() {
    Bar bar = new Bar("coinbase", "BTC-USD", 10_000, T0 - 123_456, 65000.1, 65010.5, 64990.25, 65005.0, 12.5,
        65001.75, 42, 1);
    String json = V1Json.toJson(bar);
    assertThat(json).contains("\"kind\":\"bar\"", "\"interval\":\"10s\"", "\"start\":\"2024-05-01T12:00:00.000000Z\"",
        "\"end\":\"2024-05-01T12:00:10.000000Z\"", "\"trades\":42", "\"revision\":1");
    assertThat(V1Json.readBar(json)).isEqualTo(bar);
    assertThat(V1Json.read(json)).isEqualTo(bar);
  }

  @Test
  void barWithEndThatDisagreesWithIntervalIsRejected() {
    String json = V1Json.toJson(new Bar("v", "S", 1000, T0, 1, 1, 1, 1, 1, 1, 1, 0))
        .replace("\"interval\":\"1s\"", "\"interval\":\"1m\"");
    assertThatThrownBy(() -> V1Json.readBar(json)).isInstanceOf(V1FormatException.class)
        .satisfies(e -> assertThat(((V1FormatException) e).field()).isEqualTo("end"));
  }

  @Test
  void nonFiniteDoublesAreWrittenAsNullAndReadBackAsNaN() {
    Bar bar = new Bar("v", "S", 1000, T0, 1, 1, 1, 1, 0, Double.NaN, 0, 0);
    String json = V1Json.toJson(bar);
    assertThat(json).contains("\"vwap\":null");
    assertThat(V1Json.readBar(json).vwap()).isNaN();
  }

  @Test
  void signalRoundTripsAndIsRecognisedByProviderWithoutKind() {
    Signal s = new Signal("rules", "BTC-USD", T0, "breakout", 1.0, 0.87, Map.of("rule", "r1", "window", "1m"));
    String json = V1Json.toJson(s);
    assertThat(json).startsWith("{\"ver\":1,\"provider\":\"rules\"").doesNotContain("kind")
        .contains("\"meta\":{\"rule\":\"r1\",\"window\":\"1m\"}");
    assertThat(V1Json.readSignal(json)).isEqualTo(s);
    assertThat(V1Json.read(json)).isEqualTo(s);
  }

  @Test
  void signalMetaKeepsJsonValuesTreatsNullAsAbsentAndBoundsNesting() {
    String head = "{\"ver\":1,\"provider\":\"p\",\"symbol\":\"S\",\"ts\":\"2024-05-01T12:00:00Z\","
        + "\"name\":\"n\",\"value\":1,\"score\":0.5,\"meta\":";
    Signal s = V1Json.readSignal(head + "{\"n\":3,\"ok\":true,\"gone\":null,\"f\":{\"rsi_14\":25.5},\"l\":[1,\"a\"]}}");
    assertThat(new java.util.ArrayList<Object>(s.meta().keySet())).containsExactly("f", "l", "n", "ok");
    assertThat((Object) s.meta()).isEqualTo(Map.of("f", Map.of("rsi_14", 25.5), "l", List.of(1L, "a"), "n", 3L,
        "ok", true));
    assertThat(V1Json.readSignal(V1Json.toJson(s))).as("round trip").isEqualTo(s);
    String deep = "{\"a\":".repeat(JsonValues.MAX_DEPTH + 1) + "1" + "}".repeat(JsonValues.MAX_DEPTH + 1);
    assertThat(failure(head + deep + "}").field()).isEqualTo("meta");
  }

  @Test
  void anomalyRoundTripsWithAndWithoutMeasure() {
    Anomaly gap = new Anomaly("coinbase", "BTC-USD", "sequence_gap", T0, "missed 3 messages", 3.0);
    Anomaly none = new Anomaly("coinbase", "BTC-USD", "schema_drift", T0, "unknown key 'foo'", Double.NaN);
    assertThat(V1Json.toJson(gap)).contains("\"kind\":\"anomaly\"", "\"type\":\"sequence_gap\"", "\"measure\":3.0");
    assertThat(V1Json.toJson(none)).endsWith("\"measure\":null}");
    assertThat(V1Json.readAnomaly(V1Json.toJson(gap))).isEqualTo(gap);
    assertThat(V1Json.readAnomaly(V1Json.toJson(none)).measure()).isNaN();
    assertThat(V1Json.read(V1Json.toJson(gap))).isEqualTo(gap);
  }

  @Test
  void featuresRoundTrip() {
    FeatureSnapshot f = new FeatureSnapshot("coinbase", "BTC-USD", T0, 65000.5,
        Map.of("ret_1m", -0.0012, "vol_1m", 0.0031, "zscore", 2.5));
    String json = V1Json.toJson(f);
    assertThat(json).contains("\"kind\":\"features\"", "\"price\":65000.5",
        "\"features\":{\"ret_1m\":-0.0012,\"vol_1m\":0.0031,\"zscore\":2.5}");
    assertThat(V1Json.readFeatures(json)).isEqualTo(f);
    assertThat(V1Json.read(json)).isEqualTo(f);
  }

  @Test
  void bookSnapshotRoundTripsWithExactLevelsAndNullForMissingValues() {
    BookSnapshot book = new BookSnapshot("coinbase", "BTC-USD", T0, List.of(
        new BookLevel(Side.BUY, Decimals.parse("65000.10"), Decimals.parse("0.5")),
        new BookLevel(Side.BUY, Decimals.parse("64999"), Decimals.parse("1.25"))), List.of(
        new BookLevel(Side.SELL, Decimals.parse("65000.2"), Decimals.parse("3"))), 65000.15, 0.0154, -0.2,
        Double.NaN);
    String json = V1Json.toJson(book);
    assertThat(json).startsWith("{\"ver\":1,\"kind\":\"book_snapshot\",\"venue\":\"coinbase\"")
        .contains("\"bids\":[[65000.10,0.5],[64999,1.25]]", "\"asks\":[[65000.2,3]]", "\"mid\":65000.15",
            "\"spread_bps\":0.0154", "\"imbalance_5\":-0.2", "\"microprice\":null");
    assertThat(V1Json.readBookSnapshot(json)).isEqualTo(book);
    assertThat(V1Json.read(json)).isEqualTo(book);
    assertThat(V1Json.parse(json).unknownKeys()).isEmpty();
  }

  @Test
  void bookSnapshotWithoutASideIsRejectedNamingIt() {
    BookSnapshot book = new BookSnapshot("v", "S", T0, List.of(), List.of(), Double.NaN, Double.NaN, Double.NaN,
        Double.NaN);
    String json = V1Json.toJson(book).replace("\"asks\":[],", "");
    assertThat(failure(json).field()).isEqualTo("asks");
    assertThatThrownBy(() -> V1Json.readEvent(V1Json.toJson(book))).isInstanceOf(V1FormatException.class)
        .hasMessageContaining("book_snapshot");
  }

  @Test
  void unknownKeysAreIgnoredButReported() {
    String json = V1Json.toJson(trade()).replace("{\"ver\":1,", "{\"ver\":1,\"fee\":{\"x\":[1,2]},\"bid\":5,");
    V1Json.Parsed parsed = V1Json.parse(json);
    assertThat(parsed.record()).isEqualTo(trade());
    assertThat(parsed.unknownKeys()).containsExactlyInAnyOrder("fee", "bid");
    assertThat(V1Json.parse(V1Json.toJson(trade())).unknownKeys()).isEmpty();
  }

  @Test
  void aBackfilledTradeCarriesTheFlagAndALiveOneIsWrittenExactlyAsBefore() {
    Trade live = trade();
    String liveJson = V1Json.toJson(live);
    assertThat(liveJson).doesNotContain("backfill")
        .isEqualTo(V1Json.toJson(live.asBackfill()).replace(",\"backfill\":true", ""));
    String json = V1Json.toJson(live.asBackfill());
    assertThat(json).contains("\"side\":\"buy\",\"backfill\":true,");
    assertThat(V1Json.readEvent(json)).isEqualTo(live.asBackfill());
    assertThat(((Trade) V1Json.readEvent(json)).backfill()).isTrue();
    assertThat(((Trade) V1Json.readEvent(liveJson)).backfill()).isFalse();
    assertThat(((Trade) V1Json.readEvent(liveJson.replace("\"side\":\"buy\",", "\"side\":\"buy\",\"backfill\":false,")))
        .backfill()).isFalse();
    assertThat(V1Json.parse(json).unknownKeys()).isEmpty();
    byte[] utf8 = json.getBytes(StandardCharsets.UTF_8);
    assertThat(V1Json.parseEvent(utf8, 0, utf8.length)).isEqualTo(new V1Json.Parsed(live.asBackfill(), Set.of()));
    assertThat(live.asBackfill().eventId()).as("provenance is not identity").isEqualTo(live.eventId());
  }

  @Test
  void aBackfillFlagThatIsNotABooleanIsAWrongTypeNamingTheKey() {
    String json = V1Json.toJson(trade().asBackfill());
    for (String bad : List.of("\"true\"", "1", "null", "{}")) {
      V1FormatException e = failure(json.replace("\"backfill\":true", "\"backfill\":" + bad));
      assertThat(e.field()).as(bad).isEqualTo("backfill");
      assertThat(e.problem()).as(bad).isEqualTo(V1FormatException.Problem.WRONG_TYPE);
      byte[] utf8 = json.replace("\"backfill\":true", "\"backfill\":" + bad).getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> V1Json.parseEvent(utf8, 0, utf8.length)).as("the ingest's path too")
          .isInstanceOf(V1FormatException.class).hasMessageContaining("backfill");
    }
  }

  @Test
  void onOtherKindsTheBackfillKeyIsSchemaDriftAsBefore() {
    Quote quote = new Quote("coinbase", "BTC-USD", Decimals.parse("1"), Decimals.parse("1"), Decimals.parse("2"),
        Decimals.parse("1"), T0, T1, 0);
    String json = V1Json.toJson(quote).replace("{\"ver\":1,", "{\"ver\":1,\"backfill\":true,");
    V1Json.Parsed parsed = V1Json.parse(json);
    assertThat(parsed.record()).isEqualTo(quote);
    assertThat(parsed.unknownKeys()).containsExactly("backfill");
  }

  @Test
  void writerAppendsOneLinePerRecord() {
    V1JsonWriter writer = new V1JsonWriter();
    writer.write(trade()).write(new Anomaly("v", "S", "duplicate", T0, "again", 1));
    String[] lines = writer.toString().split("\n", -1);
    assertThat(lines).hasSize(3);
    assertThat(lines[2]).isEmpty();
    assertThat(V1Json.read(lines[0])).isEqualTo(trade());
    assertThat(V1Json.read(lines[1])).isInstanceOf(Anomaly.class);
    assertThat(writer.appendTo(io.vertx.core.buffer.Buffer.buffer()).toString()).isEqualTo(writer.toString());
    writer.reset();
    assertThat(writer.size()).isZero();
    writer.write(trade());
    assertThat(writer.toString()).isEqualTo(V1Json.toJson(trade()) + "\n");
  }

  @Test
  void writerRejectsRecordsOutsideTheContract() {
    assertThatThrownBy(() -> new V1JsonWriter().write("text")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.String");
  }

  // ---- malformed input ----

  @Test
  void classifiesFailuresSoSchemaDriftCanBeToldFromBadValues() {
    String good = V1Json.toJson(new Trade("coinbase", "BTC-USD", "7", Decimals.parse("100.5"), Decimals.parse("2"),
        Side.BUY, T0, T1, 0));
    V1FormatException missing = failure(good.replace(",\"size\":2", ""));
    assertThat(missing.problem()).isEqualTo(V1FormatException.Problem.MISSING);
    assertThat(missing.schemaDrift()).isTrue();
    assertThat(missing.venue()).isEqualTo("coinbase");
    assertThat(missing.symbol()).isEqualTo("BTC-USD");

    V1FormatException retyped = failure(good.replace("\"side\":\"buy\"", "\"side\":true"));
    assertThat(retyped.problem()).isEqualTo(V1FormatException.Problem.WRONG_TYPE);
    assertThat(failure(good.replace("\"price\":100.5", "\"price\":{\"v\":1}")).schemaDrift()).isTrue();
    assertThat(failure(good.replace("\"src_ts\":\"", "\"src_ts\":17,\"x\":\"")).problem())
        .isEqualTo(V1FormatException.Problem.WRONG_TYPE);

    V1FormatException badSide = failure(good.replace("\"side\":\"buy\"", "\"side\":\"up\""));
    assertThat(badSide.problem()).isEqualTo(V1FormatException.Problem.BAD_VALUE);
    assertThat(badSide.schemaDrift()).isFalse();
    assertThat(failure(good.replace("\"price\":100.5", "\"price\":\"abc\"")).problem())
        .isEqualTo(V1FormatException.Problem.BAD_VALUE);
    V1FormatException notJson = failure("{\"ver\":1,");
    assertThat(notJson.problem()).isEqualTo(V1FormatException.Problem.STRUCTURE);
    assertThat(notJson.venue()).isNull();
  }

  @Test
  void parseEventReportsUnknownKeysAlongsideTheEvent() {
    String good = V1Json.toJson(new Trade("kraken", "ETH-USD", "9", Decimals.parse("3000"), Decimals.parse("1"),
        Side.SELL, T0, T1, 0));
    byte[] drifted = good.replace("{\"ver\":1,", "{\"ver\":1,\"fee\":0.1,\"bid\":1,")
        .getBytes(StandardCharsets.UTF_8);
    V1Json.Parsed parsed = V1Json.parseEvent(drifted, 0, drifted.length);
    assertThat(((Trade) parsed.record()).tradeId()).isEqualTo("9");
    assertThat(parsed.unknownKeys()).as("an unknown key and a key of another kind")
        .containsExactlyInAnyOrder("fee", "bid");
  }

  private static V1FormatException failure(String json) {
    try {
      V1Json.read(json);
    } catch (V1FormatException e) {
      return e;
    }
    throw new AssertionError("expected a V1FormatException for " + json);
  }

  private static String tradeJson() {
    return V1Json.toJson(trade());
  }

  @Test
  void unsupportedVersionNamesVer() {
    V1FormatException e = failure(tradeJson().replace("\"ver\":1", "\"ver\":2"));
    assertThat(e.field()).isEqualTo("ver");
    assertThat(e).hasMessage("field 'ver': unsupported version 2 (expected 1)");
  }

  @Test
  void missingVersionIsRejected() {
    assertThat(failure(tradeJson().replace("\"ver\":1,", "")).getMessage()).isEqualTo("missing required field 'ver'");
  }

  @Test
  void missingSymbolNamesSymbol() {
    V1FormatException e = failure(tradeJson().replace("\"symbol\":\"BTC-USD\",", ""));
    assertThat(e.field()).isEqualTo("symbol");
    assertThat(e).hasMessage("missing required field 'symbol'");
  }

  @Test
  void mistypedPriceNamesPriceAndTheValue() {
    V1FormatException e = failure(tradeJson().replace("65000.10", "\"abc\""));
    assertThat(e.field()).isEqualTo("price");
    assertThat(e.getMessage()).startsWith("field 'price': expected a decimal number, got \"abc\"");
    assertThat(failure(tradeJson().replace("65000.10", "true")).getMessage())
        .isEqualTo("field 'price': expected a decimal number, got true");
    assertThat(failure(tradeJson().replace("65000.10", "1.0000000000000001234")).field()).isEqualTo("price");
  }

  @Test
  void badSideNamesSide() {
    V1FormatException e = failure(tradeJson().replace("\"buy\"", "\"hold\""));
    assertThat(e.field()).isEqualTo("side");
    assertThat(e).hasMessage("field 'side': expected buy or sell, got \"hold\"");
  }

  @Test
  void badTimestampNamesTheField() {
    V1FormatException e = failure(tradeJson().replace("2024-05-01T12:00:00.123456Z\",\"ingest", "yesterday\",\"ingest"));
    assertThat(e.field()).isEqualTo("src_ts");
    assertThat(e.getMessage()).contains("ISO-8601", "\"yesterday\"");
    assertThat(failure(tradeJson().replace("\"src_ts\":\"2024-05-01T12:00:00.123456Z\"", "\"src_ts\":1714564800"))
        .field()).isEqualTo("src_ts");
  }

  @Test
  void notJsonIsAStructuralErrorWithPosition() {
    V1FormatException e = failure("{\"ver\":1,\"kind\":oops}");
    assertThat(e.field()).isNull();
    assertThat(e.getMessage()).matches("malformed JSON at line 1 column \\d+: Unrecognized token 'oops'.*");
    assertThat(failure("").getMessage()).contains("empty input");
    assertThat(failure("[1,2]").getMessage()).isEqualTo("expected a JSON object, got an array");
    assertThat(failure("{\"ver\":1} {}").field()).isNull();
    assertThat(failure("{\"ver\":1,\"ver\":1}").getMessage()).startsWith("malformed JSON");
    assertThat(failure("{\"ver\":1,\"kind\":\"trade\"").getMessage()).startsWith("malformed JSON");
  }

  @Test
  void unknownOrUnexpectedKindNamesKind() {
    assertThat(failure("{\"ver\":1,\"kind\":\"candle\"}").field()).isEqualTo("kind");
    assertThat(failure("{\"ver\":1,\"venue\":\"v\"}")).hasMessage("missing required field 'kind'");
    String bar = V1Json.toJson(new Bar("v", "S", 1000, T0, 1, 1, 1, 1, 1, 1, 1, 0));
    assertThatThrownBy(() -> V1Json.readEvent(bar)).isInstanceOf(V1FormatException.class)
        .hasMessage("field 'kind': expected trade, quote, book, gap, option_ticker, mark_funding or "
            + "volatility_index, got \"bar\"");
  }

  @Test
  void malformedBookLevelsNameTheSide() {
    String book = V1Json.toJson(new BookUpdate("v", "S", false,
        List.of(new BookLevel(Side.SELL, Decimals.parse("1"), Decimals.parse("2"))), T0, 0, 0));
    assertThat(failure(book.replace("[[1,2]]", "[[1]]")).field()).isEqualTo("asks");
    assertThat(failure(book.replace("[[1,2]]", "[[1,\"x\"]]")).getMessage())
        .startsWith("field 'asks': expected a decimal number, got \"x\"");
    assertThat(failure(book.replace("[[1,2]]", "{}")).getMessage())
        .isEqualTo("field 'asks': expected an array of [price, size] pairs, got an object");
  }

  @Test
  void wrongScalarTypesNameTheField() {
    assertThat(failure(tradeJson().replace("\"seq\":183", "\"seq\":\"183\"")).getMessage())
        .isEqualTo("field 'seq': expected an integer, got \"183\"");
    assertThat(failure(tradeJson().replace("\"venue\":\"coinbase\"", "\"venue\":null")).getMessage())
        .isEqualTo("field 'venue': expected a string, got null");
    assertThat(failure(tradeJson().replace("\"venue\":\"coinbase\"", "\"venue\":[1]")).getMessage())
        .isEqualTo("field 'venue': expected a string, got an array");
    assertThat(failure(tradeJson().replace("\"seq\":183", "\"seq\":99999999999999999999")).field()).isEqualTo("seq");
  }
}
