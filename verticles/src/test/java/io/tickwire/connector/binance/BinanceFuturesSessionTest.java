package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Trade;
import io.tickwire.config.SessionSpec;
import io.tickwire.config.SessionSpec.Channel;
import io.tickwire.connector.venue.CountingOutput;
import io.tickwire.connector.venue.RecordingOutput;
import io.tickwire.connector.venue.SessionStats;
import io.vertx.core.json.JsonObject;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Binance session on the USD-M futures market: the recorded traffic (aggTrade, bookTicker, depth diffs chained
 * by {@code pu}, REST snapshots) and {@code markPriceUpdate} frames of the documented shape.
 */
class BinanceFuturesSessionTest {
  private final RecordingOutput output = new RecordingOutput();
  private final SessionStats stats = new SessionStats();
  private final BinanceSession session = new BinanceSession(BinanceMarket.USDM, new SessionSpec(
      BinanceFuturesFixture.SYMBOLS, EnumSet.allOf(Channel.class), 1000), stats, new CountingOutput(stats, output));

  @Test
  void everyDepthDiffOfTheRecordingContinuesItsBook() {
    BinanceFixtureReplay.play(BinanceFuturesFixture.timeline(), session, () -> output.snapshotRequests);

    assertThat(stats.parseErrors()).as(stats.lastError()).isZero();
    assertThat(stats.schemaDrift()).as(stats.lastError()).isZero();
    assertThat(stats.gaps()).isZero();
    assertThat(stats.resyncs()).isZero();
    assertThat(output.gaps).isEmpty();
    assertThat(BinanceFuturesFixture.SYMBOLS).allSatisfy(s -> assertThat(session.synced(s)).as(s).isTrue());
    assertThat(session.booksInSync()).isEqualTo(4);
    long diffs = BinanceFuturesFixture.frames().stream().filter(f -> f.frame().contains("depthUpdate")).count();
    assertThat(diffs).isEqualTo(764);
    assertThat(stats.continuous()).as("every diff past its snapshot (12 were already in it)").isEqualTo(752);
    assertThat(output.events(BookUpdate.class)).hasSize(4 + 752);
    assertThat(output.snapshotRequests).containsExactlyInAnyOrderElementsOf(BinanceFuturesFixture.SYMBOLS);
    assertThat(session.books().values()).allSatisfy(b -> assertThat(b.crossed()).isFalse());
    assertThat(output.events).allSatisfy(e -> assertThat(e.venue()).isEqualTo("binance_futures"));
  }

  @Test
  void aggTradesAndBookTickersOfTheFuturesShapeBecomeTradesAndQuotes() {
    BinanceFixtureReplay.play(BinanceFuturesFixture.timeline(), session, () -> output.snapshotRequests);

    assertThat(output.events(Trade.class)).hasSize(91);
    assertThat(output.events(Quote.class)).hasSize(613).first().satisfies(q -> {
      assertThat(q.symbol()).isEqualTo("SUSHIUSDT");
      assertThat(Decimals.toString(q.bidPrice())).isEqualTo("7.6110");
      assertThat(q.eventTime()).as("the futures book ticker's transaction time T").isEqualTo(1_626_992_741_012_000L);
    });
  }

  @Test
  void aDiffWhosePuDoesNotFollowResyncsOnlyItsSymbol() {
    List<BinanceFixtureReplay.Step> timeline = BinanceFuturesFixture.timeline();
    BinanceFixtureReplay.Step applied = timeline.stream().filter(s -> s.frame() != null
        && s.frame().contains("\"s\":\"CTKUSDT\"") && s.frame().contains("depthUpdate")).skip(30).findFirst()
        .orElseThrow();
    timeline.remove(applied);
    BinanceFixtureReplay.play(timeline, session, () -> output.snapshotRequests);

    assertThat(output.gaps).singleElement().satisfies(g -> {
      assertThat(g.symbol()).isEqualTo("CTKUSDT");
      assertThat(g.reason()).contains("pu=").contains("does not follow update id");
    });
    assertThat(stats.resyncs()).isEqualTo(1);
    assertThat(output.snapshotRequests).filteredOn("CTKUSDT"::equals).hasSize(2);
    assertThat(session.synced("CTKUSDT")).isFalse();
    assertThat(List.of("SUSHIUSDT", "AKROUSDT", "KEEPUSDT")).allSatisfy(s -> assertThat(session.synced(s)).isTrue());
  }

  @Test
  void markPriceUpdatesBecomeExactMarkFundingUpdates() {
    session.onFrame(BinanceFuturesFixture.markPrice("SUSHIUSDT", "7.61113000", "-0.00012500", 1_626_992_741_000L),
        7);

    assertThat(output.events(MarkFunding.class)).containsExactly(new MarkFunding("binance_futures", "SUSHIUSDT",
        Decimals.parse("7.61113000"), Decimals.parse("7.61250000"), Decimals.parse("7.60899999"),
        Decimals.parse("-0.00012500"), 1_626_998_400_000_000L, 1_626_992_741_000_000L, 7, 0));
    assertThat(stats.markFunding()).isEqualTo(1);
  }

  @Test
  void aBrokenMarkPriceUpdateIsCountedAndTheNextIsRead() {
    session.onFrame(BinanceFuturesFixture.markPrice("SUSHIUSDT", "7.6", "0.0001", 1).replace(",\"r\":\"0.0001\"", ""),
        1);
    session.onFrame(BinanceFuturesFixture.markPrice("SUSHIUSDT", "seven", "0.0001", 1), 2);
    session.onFrame(BinanceFuturesFixture.markPrice("AKROUSDT", "0.0173", "0.0001", 1), 3);

    assertThat(stats.parseErrors()).isEqualTo(2);
    assertThat(output.events(MarkFunding.class)).singleElement().satisfies(m -> assertThat(m.symbol())
        .isEqualTo("AKROUSDT"));
  }

  @Test
  void subscribesToTheFuturesStreams() {
    JsonObject subscribe = new JsonObject(session.subscribeFrames().get(0));
    assertThat(subscribe.getJsonArray("params").getList()).contains("sushiusdt@aggTrade", "sushiusdt@bookTicker",
        "sushiusdt@depth@100ms", "sushiusdt@markPrice@1s").doesNotContain("sushiusdt@trade");
    assertThat(session.venue()).isEqualTo("binance_futures");
  }
}
