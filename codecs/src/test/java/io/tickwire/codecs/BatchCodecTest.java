package io.tickwire.codecs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BatchCodecTest {
  private static final long T0 = IsoTime.parse("2024-05-01T12:00:00.123456Z");
  private static final byte[] PREFIX = "junk-before".getBytes(StandardCharsets.UTF_8);

  /** Encodes after unrelated bytes, as the clustered event bus does, and decodes from that position. */
  private static <B extends Batch<E>, E> B roundTrip(BatchCodec<B, E> codec, B batch) {
    Buffer buffer = Buffer.buffer().appendBytes(PREFIX);
    codec.encodeToWire(buffer, batch);
    return codec.decodeFromWire(PREFIX.length, buffer);
  }

  private static TickBatch ticks(int n) {
    List<MarketEvent> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      events.add(new Trade("coinbase", "BTC-USD", "t" + i, Decimals.parse("65000.10"), Decimals.of(i + 1, 3),
          i % 2 == 0 ? Side.BUY : Side.SELL, T0 + i * 1000L, T0 + i * 1000L + 250, i));
    }
    return new TickBatch(3, events);
  }

  @Test
  void tickBatchOfEveryEventKindRoundTrips() {
    TickBatch batch = new TickBatch(7, List.of(
        new Trade("coinbase", "BTC-USD", "t-1", Decimals.parse("65000.10"), Decimals.parse("-0.5"), Side.SELL, T0,
            0, 0),
        new Quote("binance", "ETH-USDT", Decimals.parse("3100.25"), Decimals.parse("1.200"),
            Decimals.parse("3100.26"), Decimals.parse("0.8"), T0 - 5_000_000, T0 + 12, 2),
        new BookUpdate("kraken", "XBT/USD", true, List.of(
            new BookLevel(Side.BUY, Decimals.parse("64999.9"), Decimals.parse("1.5")),
            new BookLevel(Side.SELL, Decimals.parse("65000.1"), Decimals.parse("0"))), -1_000_000, T0, 3),
        new FeedGap("kraken", "XBT/USD", "checksum mismatch; book resubscribed", T0 + 7, T0 + 9, 4)));
    TickBatch decoded = roundTrip(Codecs.TICK_BATCH, batch);
    assertThat(decoded).isEqualTo(batch);
    assertThat(decoded.partition()).isEqualTo(7);
  }

  @Test
  void unpartitionedAndEmptyBatchesRoundTrip() {
    TickBatch empty = new TickBatch(TickBatch.UNPARTITIONED, List.of());
    assertThat(roundTrip(Codecs.TICK_BATCH, empty)).isEqualTo(empty);
  }

  @Test
  void repeatedStringsTravelOnceAndDecodeToOneInstance() {
    Buffer buffer = Buffer.buffer();
    Codecs.TICK_BATCH.encodeToWire(buffer, ticks(500));
    String wire = buffer.toString(StandardCharsets.ISO_8859_1);
    assertThat(wire.split("BTC-USD", -1)).hasSize(2);
    assertThat(wire.split("coinbase", -1)).hasSize(2);
    assertThat(buffer.length()).isLessThan(500 * 24);
    TickBatch decoded = Codecs.TICK_BATCH.decodeFromWire(0, buffer);
    assertThat(decoded).isEqualTo(ticks(500));
    assertThat(decoded.items().get(0).symbol()).isSameAs(decoded.items().get(499).symbol());
  }

  @Test
  void barBatchRoundTrips() {
    BarBatch batch = new BarBatch(List.of(
        new Bar("coinbase", "BTC-USD", 1000, T0, 1.5, 2.5, 0.5, 2.0, 10, Double.NaN, 3, 0),
        new Bar("coinbase", "ETH-USD", 60_000, T0 - 60_000_000, 3100, 3101, 3099, 3100.5, 0.25, 3100.2, 1, 4)));
    assertThat(roundTrip(Codecs.BAR_BATCH, batch)).isEqualTo(batch);
  }

  @Test
  void featureBatchRoundTrips() {
    FeatureBatch batch = new FeatureBatch(List.of(
        new FeatureSnapshot("coinbase", "BTC-USD", T0, 65000.5, Map.of("ret_1m", -0.001, "vol_1m", 0.003)),
        new FeatureSnapshot("coinbase", "ETH-USD", T0, 3100, Map.of())));
    assertThat(roundTrip(Codecs.FEATURE_BATCH, batch)).isEqualTo(batch);
  }

  @Test
  void signalBatchRoundTrips() {
    SignalBatch batch = new SignalBatch(List.of(
        new Signal("rules", "BTC-USD", T0, "breakout", 1, 0.9, Map.of("rule", "r1", "why", "ü > 3σ")),
        new Signal("model", "ETH-USD", T0 + 1, "revert", -1, 0.4, Map.of())));
    assertThat(roundTrip(Codecs.SIGNAL_BATCH, batch)).isEqualTo(batch);
  }

  @Test
  void anomalyBatchRoundTrips() {
    AnomalyBatch batch = new AnomalyBatch(List.of(
        new Anomaly("coinbase", "BTC-USD", "sequence_gap", T0, "missed 3", 3),
        new Anomaly("coinbase", "BTC-USD", "schema_drift", T0, "unknown key 'x'", Double.NaN)));
    assertThat(roundTrip(Codecs.ANOMALY_BATCH, batch)).isEqualTo(batch);
  }

  @Test
  void bookSnapshotBatchRoundTripsWithExactLevelsAndMissingValues() {
    BookSnapshotBatch batch = new BookSnapshotBatch(List.of(
        new BookSnapshot("kraken", "XBT/USD", T0, List.of(
            new BookLevel(Side.BUY, Decimals.parse("64999.90"), Decimals.parse("1.5")),
            new BookLevel(Side.BUY, Decimals.parse("64999.1"), Decimals.parse("0.00000001"))), List.of(
            new BookLevel(Side.SELL, Decimals.parse("65000.1"), Decimals.parse("2"))), 65000.0, 0.0308, 0.43,
            65000.03),
        new BookSnapshot("kraken", "ETH/USD", T0 + 1_000_000, List.of(), List.of(
            new BookLevel(Side.SELL, Decimals.parse("3100.25"), Decimals.parse("4"))), Double.NaN, Double.NaN, -1.0,
            Double.NaN)));
    BookSnapshotBatch decoded = roundTrip(Codecs.BOOK_SNAPSHOT_BATCH, batch);
    assertThat(decoded).isEqualTo(batch);
    assertThat(Decimals.toString(decoded.items().get(0).bids().get(0).price())).as("scale kept")
        .isEqualTo("64999.90");
  }

  @Test
  void aBookSnapshotRefusesALevelOfTheWrongSide() {
    BookLevel bid = new BookLevel(Side.BUY, Decimals.parse("1"), Decimals.parse("1"));
    assertThatThrownBy(() -> new BookSnapshot("v", "S", T0, List.of(), List.of(bid), 1, 1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("asks holds a buy level");
  }

  @Test
  void unknownVersionIsATypedError() {
    Buffer buffer = Buffer.buffer();
    Codecs.BAR_BATCH.encodeToWire(buffer, new BarBatch(List.of()));
    buffer.setByte(0, (byte) 9);
    assertThatThrownBy(() -> Codecs.BAR_BATCH.decodeFromWire(0, buffer)).isInstanceOf(WireFormatException.class)
        .hasMessage("tickwire.BarBatch.v1: unsupported format version 9 (expected 1)");
  }

  @Test
  void everyTruncationIsATypedError() {
    Buffer full = Buffer.buffer();
    Codecs.TICK_BATCH.encodeToWire(full, ticks(3));
    for (int cut = 0; cut < full.length(); cut++) {
      Buffer truncated = full.getBuffer(0, cut);
      assertThatThrownBy(() -> Codecs.TICK_BATCH.decodeFromWire(0, truncated))
          .as("cut at %d", cut)
          .isInstanceOf(WireFormatException.class)
          .hasMessageContaining("truncated");
    }
  }

  @Test
  void corruptElementsAreATypedError() {
    Buffer buffer = Buffer.buffer();
    Codecs.TICK_BATCH.encodeToWire(buffer, ticks(1));
    buffer.setByte(11, (byte) 42); // the first element's kind tag, after version, two ints, header and count
    assertThatThrownBy(() -> Codecs.TICK_BATCH.decodeFromWire(0, buffer)).isInstanceOf(WireFormatException.class)
        .hasMessageContaining("element 0").hasMessageContaining("unknown event kind tag 42");
  }

  /**
   * A live trade then a quote, as the codec wrote them before trades carried a provenance flag (bytes taken from
   * that version of the code): old frames must still decode, and live trades must still encode to the same bytes.
   */
  private static final String FRAME_BEFORE_THE_FLAG = "010000004300000031060201010280c9d89de7d88b06f4031204742d31"
      + "c4aa9763a20101020102f103d60414a2c4f50920c2c4f509400209636f696e62617365084254432d555344";

  private static TickBatch liveTradeAndQuote() {
    return new TickBatch(3, List.of(
        new Trade("coinbase", "BTC-USD", "t-1", Decimals.parse("65000.10"), Decimals.parse("0.5"), Side.SELL, T0,
            T0 + 250, 9),
        new Quote("coinbase", "BTC-USD", Decimals.parse("65000.1"), Decimals.parse("1"), Decimals.parse("65000.2"),
            Decimals.parse("2"), T0 + 1, T0 + 300, 10)));
  }

  @Test
  void framesWrittenBeforeTheBackfillFlagDecodeAsLiveTradesAndLiveTradesEncodeToTheSameBytes() {
    Buffer old = Buffer.buffer(java.util.HexFormat.of().parseHex(FRAME_BEFORE_THE_FLAG));
    TickBatch decoded = Codecs.TICK_BATCH.decodeFromWire(0, old);
    assertThat(decoded).isEqualTo(liveTradeAndQuote());
    assertThat(((Trade) decoded.items().get(0)).backfill()).isFalse();
    Buffer now = Buffer.buffer();
    Codecs.TICK_BATCH.encodeToWire(now, liveTradeAndQuote());
    assertThat(java.util.HexFormat.of().formatHex(now.getBytes())).isEqualTo(FRAME_BEFORE_THE_FLAG);
  }

  @Test
  void aBackfilledTradeRoundTripsWithItsFlagBesideLiveOnes() {
    Trade live = new Trade("coinbase", "BTC-USD", "t-7", Decimals.parse("65000.10"), Decimals.parse("0.5"), Side.BUY,
        T0, T0 + 100, 4);
    TickBatch batch = new TickBatch(1, List.of(live, live.asBackfill(), ticks(1).items().get(0)));
    TickBatch decoded = roundTrip(Codecs.TICK_BATCH, batch);
    assertThat(decoded).isEqualTo(batch);
    assertThat(decoded.items()).extracting(e -> ((Trade) e).backfill()).containsExactly(false, true, false);
  }

  @Test
  void theBackfillFlagOnAnythingButATradeIsATypedError() {
    Buffer buffer = Buffer.buffer();
    Codecs.TICK_BATCH.encodeToWire(buffer, liveTradeAndQuote());
    Buffer flaggedTrade = buffer.copy();
    flaggedTrade.setByte(11, (byte) (EventKind.TRADE.tag() | EventWireFormat.BACKFILL));
    assertThat(((Trade) Codecs.TICK_BATCH.decodeFromWire(0, flaggedTrade).items().get(0)).backfill()).isTrue();
    for (EventKind kind : EventKind.values()) {
      if (kind == EventKind.TRADE) {
        continue;
      }
      Buffer flagged = buffer.copy();
      flagged.setByte(11, (byte) (kind.tag() | EventWireFormat.BACKFILL));
      assertThatThrownBy(() -> Codecs.TICK_BATCH.decodeFromWire(0, flagged)).as(kind.name())
          .isInstanceOf(WireFormatException.class).hasMessageContaining("element 0")
          .hasMessageContaining("backfill flag on event kind tag " + kind.tag());
    }
  }

  @Test
  void localDeliverySharesTheInstanceAndCodecsIdentifyThemselves() {
    TickBatch batch = ticks(2);
    assertThat(Codecs.TICK_BATCH.transform(batch)).isSameAs(batch);
    assertThat(Codecs.ALL).extracting(BatchCodec::name).containsExactly("tickwire.TickBatch.v1",
        "tickwire.BarBatch.v1", "tickwire.FeatureBatch.v1", "tickwire.SignalBatch.v1", "tickwire.AnomalyBatch.v1",
        "tickwire.BookSnapshotBatch.v1", "tickwire.SpotMidBatch.v1", "tickwire.IvSurfaceBatch.v1",
        "tickwire.InfoBarBatch.v1");
    assertThat(Codecs.ALL).allSatisfy(c -> assertThat(c.systemCodecID()).isEqualTo((byte) -1));
  }

  @Test
  void registerIsIdempotentAndBatchesTravelTheEventBusWithoutOptions() throws Exception {
    Vertx vertx = Vertx.vertx();
    try {
      Codecs.register(vertx);
      Codecs.register(vertx);
      TickBatch batch = ticks(2);
      vertx.eventBus().<TickBatch>consumer("test.ticks", m -> m.reply(m.body().size()));
      vertx.eventBus().consumer("test.same", m -> m.reply(m.body() == batch));
      Object size = vertx.eventBus().request("test.ticks", batch).toCompletionStage().toCompletableFuture()
          .get(5, TimeUnit.SECONDS).body();
      Object same = vertx.eventBus().request("test.same", batch).toCompletionStage().toCompletableFuture()
          .get(5, TimeUnit.SECONDS).body();
      assertThat(size).isEqualTo(2);
      assertThat(same).isEqualTo(true);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
    }
  }
}
