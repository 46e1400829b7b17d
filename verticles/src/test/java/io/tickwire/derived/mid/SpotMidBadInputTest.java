package io.tickwire.derived.mid;

import static io.tickwire.derived.mid.ThreeVenues.SECOND;
import static io.tickwire.derived.mid.ThreeVenues.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.BookLevel;
import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.Side;
import io.tickwire.codecs.SpotMid;
import io.tickwire.config.DerivedSettings;
import io.tickwire.config.DerivedSettings.VenueSymbol;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Quotes and books no market has (zero or negative prices, negative sizes, crossed) are counted by reason and leave
 * every sample as it would have been without them; a crossed book and a feed gap take their venue out until it is
 * usable again.
 */
class SpotMidBadInputTest {
  private static final VenueSymbol A = ThreeVenues.VENUES.get(0);
  private static final VenueSymbol B = ThreeVenues.VENUES.get(1);

  @Test
  void absurdQuotesAreCountedAndNeverReachASample() {
    List<Quote> good = ThreeVenues.feed().quotes();
    List<MarketEvent> poisoned = new ArrayList<>();
    for (Quote q : good) {
      poisoned.add(q);
      if (q.venue().equals(A.venue()) && (q.eventTime() - T0) % SECOND == 0) {
        poisoned.add(quote(A, "0", "65000.10", "1", q.eventTime() + 1)); // zero bid
        poisoned.add(quote(A, "65000.00", "-3", "1", q.eventTime() + 2)); // negative price
        poisoned.add(quote(A, "65100.00", "65000.00", "1", q.eventTime() + 3)); // crossed
        poisoned.add(quote(A, "65000.00", "65000.00", "1", q.eventTime() + 4)); // locked counts as crossed
        poisoned.add(new Quote(A.venue(), A.symbol(), Decimals.parse("65000.00"), Decimals.parse("-1"),
            Decimals.parse("65000.10"), Decimals.parse("1"), q.eventTime() + 5, 0, 0)); // negative size
      }
    }
    MidFeed feed = new MidFeed(ThreeVenues.config()).applyAll(poisoned);
    SpotMidEngine engine = feed.engine;
    List<SpotMid> samples = feed.out;

    assertThat(samples).isEqualTo(SpotMidEngineTest.run(good));
    assertThat(engine.rejections().get(QuoteCheck.BAD_PRICE)).isEqualTo(60);
    assertThat(engine.rejections().get(QuoteCheck.CROSSED)).isEqualTo(60);
    assertThat(engine.rejections().get(QuoteCheck.BAD_SIZE)).isEqualTo(30);
    assertThat(engine.gauges()).containsEntry("rejected_crossed", 60L);
  }

  @Test
  void aBookVenueQuotesItsTopAndACrossedBookOrAGapTakesItOutUntilUsableAgain() {
    DerivedSettings.SpotMid config = new DerivedSettings.SpotMid(List.of(new DerivedSettings.Asset("BTC",
        List.of(A, B), null)), 1000, 0, 10_000, 5000, 2, 50.0, 3000);
    MidFeed feed = new MidFeed(config);
    SpotMidEngine engine = feed.engine;
    List<SpotMid> out = feed.out;
    feed.apply(book(B, true, T0, level(Side.BUY, "64999.00", "1"), level(Side.SELL, "65001.00", "1")));
    feed.apply(quote(A, "64999.50", "65000.50", "1", T0));
    feed.apply(book(B, false, T0 + 100_000, level(Side.BUY, "64999.90", "2")));
    feed.apply(quote(A, "64999.50", "65000.50", "1", T0 + SECOND));
    assertThat(out).extracting(SpotMid::ts).containsExactly(T0, T0 + SECOND);
    SpotMid atOne = out.get(1);
    assertThat(atOne.venues().get(1).bidPrice()).as("the delta raised b's best bid")
        .isEqualTo(Decimals.parse("64999.90"));
    assertThat(atOne.quality()).isEqualTo(SpotMid.OK);
    assertThat(atOne.mid()).as("median of 65000.00 and 65000.45").isEqualTo(65000.225);

    feed.apply(book(B, false, T0 + 1_500_000, level(Side.BUY, "65002.00", "1"))); // crosses b's ask
    feed.apply(quote(A, "64999.50", "65000.50", "1", T0 + 2 * SECOND));
    SpotMid atTwo = out.get(2);
    assertThat(atTwo.venues().get(1).quoted()).as("a crossed book gives no quote").isFalse();
    assertThat(atTwo.quality()).isEqualTo(SpotMid.DEGRADED);
    assertThat(atTwo.mid()).isEqualTo(65000.0);
    assertThat(engine.rejections().get(BookTops.CROSSED_BOOK)).isEqualTo(1);

    feed.apply(book(B, false, T0 + 2_500_000, level(Side.BUY, "65002.00", "0"))); // uncrossed
    feed.apply(quote(A, "64999.50", "65000.50", "1", T0 + 3 * SECOND));
    assertThat(out.get(3).quality()).isEqualTo(SpotMid.OK);

    feed.apply(new FeedGap(B.venue(), B.symbol(), "reconnect", T0 + 3_500_000, 0, 0));
    feed.apply(book(B, false, T0 + 3_600_000, level(Side.BUY, "64999.95", "1"))); // ignored until a snapshot
    feed.apply(quote(A, "64999.50", "65000.50", "1", T0 + 4 * SECOND));
    assertThat(out.get(4).venues().get(1).quoted()).as("dropped by the gap").isFalse();
    assertThat(engine.gauges()).containsEntry("book_deltas_before_snapshot", 1L);
  }

  @Test
  void aPerpetualGivesBasisAndFundingAndAnAbsurdRateIsRefused() {
    VenueSymbol perp = new VenueSymbol("perp_venue", "BTCUSDT");
    DerivedSettings.SpotMid config = new DerivedSettings.SpotMid(List.of(new DerivedSettings.Asset("BTC",
        List.of(A, B), perp)), 1000, 0, 10_000, 5000, 2, 50.0, 3000);
    MidFeed feed = new MidFeed(config);
    SpotMidEngine engine = feed.engine;
    List<SpotMid> out = feed.out;
    feed.apply(quote(A, "64999.00", "65001.00", "1", T0));
    feed.apply(quote(B, "65001.00", "65003.00", "1", T0));
    feed.apply(mark(perp, "65033.0", "0.00010000", T0 + 100_000));
    feed.apply(mark(perp, "99999.0", "1.5", T0 + 200_000)); // a 150% funding rate: garbage
    feed.apply(quote(A, "64999.00", "65001.00", "1", T0 + SECOND));
    SpotMid sample = out.get(out.size() - 1);
    assertThat(sample.ts()).isEqualTo(T0 + SECOND);
    assertThat(sample.mid()).isEqualTo(65001.0);
    assertThat(sample.perpMark()).isEqualTo(65033.0);
    assertThat(sample.basis()).isEqualTo(32.0);
    assertThat(sample.basisBps()).isCloseTo(32.0 / 65001.0 * 1e4, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(sample.fundingRate()).isEqualTo(0.0001);
    assertThat(sample.features()).containsOnlyKeys(SpotMid.FEATURE_NAMES);
    assertThat(engine.rejections().get(SpotMidEngine.BAD_FUNDING_RATE)).isEqualTo(1);
  }

  @Test
  void eventsOfOtherVenuesAndSymbolsAreIgnored() {
    MidFeed feed = new MidFeed(ThreeVenues.config());
    SpotMidEngine engine = feed.engine;
    List<SpotMid> out = feed.out;
    feed.apply(quote(new VenueSymbol("elsewhere", "BTC-USD"), "1", "2", "1", T0 + 5 * SECOND));
    feed.apply(quote(new VenueSymbol(A.venue(), "ETH-USD"), "1", "2", "1", T0 + 5 * SECOND));
    assertThat(out).isEmpty();
    assertThat(engine.rejections().total()).isZero();
  }

  static Quote quote(VenueSymbol venue, String bid, String ask, String size, long time) {
    return new Quote(venue.venue(), venue.symbol(), Decimals.parse(bid), Decimals.parse(size), Decimals.parse(ask),
        Decimals.parse(size), time, time, 0);
  }

  private static BookUpdate book(VenueSymbol venue, boolean snapshot, long time, BookLevel... levels) {
    return new BookUpdate(venue.venue(), venue.symbol(), snapshot, List.of(levels), time, time, 0);
  }

  private static BookLevel level(Side side, String price, String size) {
    return new BookLevel(side, Decimals.parse(price), Decimals.parse(size));
  }

  private static MarkFunding mark(VenueSymbol perp, String price, String rate, long time) {
    return new MarkFunding(perp.venue(), perp.symbol(), Decimals.parse(price), 0, 0, Decimals.parse(rate), 0, time,
        time, 0);
  }
}
