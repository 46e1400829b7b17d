package io.tickwire.batcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwire.codecs.InfoBar;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Trade;
import io.tickwire.config.BatcherSettings;
import io.tickwire.config.InfoBarSpec;
import io.tickwire.testing.CapturedTrades;
import io.tickwire.testing.ReferenceInfoBars;
import io.tickwire.testing.TestStreams;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tick, volume and dollar bars on the recorded Coinbase Exchange session equal {@link ReferenceInfoBars}, an
 * independent BigDecimal computation, sorted and shuffled within the lateness.
 */
class InformationBarsTest {
  private static final long LATENESS_MS = 500;
  private static final List<String> SYMBOLS = CapturedTrades.COINBASE_PRODUCTS;

  @Test
  void tickBarsOnARecordedCapture() {
    check("tick", "5", "tick:5");
  }

  @Test
  void volumeBarsOnARecordedCapture() {
    check("volume", "2000", "volume:2000@SKL-*");
  }

  @Test
  void dollarBarsOnARecordedCapture() {
    check("dollar", "1000", "dollar:1000@SKL-USD");
  }

  private static void check(String kind, String threshold, String spec) {
    List<Trade> recorded = CapturedTrades.coinbase();
    assertThat(recorded).as("trades in the recording").hasSizeGreaterThan(100);
    InfoBarSpec parsed = InfoBarSpec.parse(spec);
    List<String> symbols = SYMBOLS.stream().filter(parsed::appliesTo).toList();
    Map<String, List<ReferenceInfoBars.Expected>> expected =
        ReferenceInfoBars.compute(recorded, kind, new BigDecimal(threshold), symbols);
    assertThat(expected.values().stream().mapToInt(List::size).sum()).as("bars expected").isGreaterThan(5);

    List<Trade> sorted = TestStreams.sorted(recorded);
    // The recorded arrival order is not within the lateness (each product's first match is the venue's last one from
    // before the subscription), so the inputs are the event-time order and shuffles of it within the lateness.
    for (List<Trade> input : List.of(sorted,
        TestStreams.shuffleWithin(sorted, LATENESS_MS * 1000 / 2, new Random(17)))) {
      InformationBars bars = new InformationBars(settings(parsed), 1_000);
      List<InfoBar> out = new ArrayList<>();
      for (Trade t : input) {
        bars.onEvents(List.<MarketEvent>of(t), out);
      }
      bars.flush(out);
      assertThat(bars.lateDropped()).as("late drops").isZero();
      assertMatches(out, expected);
    }
  }

  @Test
  void aTradeBehindTheWatermarkIsDroppedCountedAndChangesNoBar() {
    List<Trade> sorted = TestStreams.sorted(CapturedTrades.coinbase());
    InfoBarSpec spec = InfoBarSpec.parse("tick:5");
    Map<String, List<ReferenceInfoBars.Expected>> expected =
        ReferenceInfoBars.compute(sorted, "tick", new BigDecimal(5), SYMBOLS);
    InformationBars bars = new InformationBars(settings(spec), 1_000);
    List<InfoBar> out = new ArrayList<>();
    int half = sorted.size() / 2;
    bars.onEvents(new ArrayList<MarketEvent>(sorted.subList(0, half)), out);
    Trade stale = sorted.get(0);
    bars.onEvents(List.of(new Trade(stale.venue(), "SKL-USD", "999999999", stale.price(), stale.size(), stale.side(),
        stale.eventTime() - 3_600_000_000L, 0, 0)), out);
    bars.onEvents(new ArrayList<MarketEvent>(sorted.subList(half, sorted.size())), out);
    bars.flush(out);
    assertThat(bars.lateDropped()).isEqualTo(1);
    assertMatches(out, expected);
  }

  @Test
  void pendingTradesStayWithinTheirCapEvenWhenNothingMovesTheWatermark() {
    BatcherSettings base = settings(InfoBarSpec.parse("tick:3"));
    BatcherSettings.Shapes shapes = new BatcherSettings.Shapes(base.shapes().empty(), null, base.shapes().emptyMaxMs(),
        base.shapes().timezone(), base.shapes().sessionStart(), base.shapes().infoBars(), 100);
    InformationBars bars = new InformationBars(new BatcherSettings(base.intervalsMillis(), LATENESS_MS, 2_000,
        BatcherSettings.LatePolicy.DROP, 60_000, 1, shapes), 10);
    List<InfoBar> out = new ArrayList<>();
    Random random = new Random(1);
    List<Trade> sameTime = TestStreams.walk("v", "X", 1_000_000, 1_000_001, 0, 1, random);
    for (int i = 0; i < 10_000; i++) { // one symbol, one timestamp: the watermark never passes any of them
      Trade t = sameTime.get(0);
      bars.onEvents(List.of(new Trade("v", "S" + (i % 50), Integer.toString(i + 1), t.price(), t.size(), t.side(),
          t.eventTime(), 0, 0)), out);
    }
    assertThat(bars.pending()).isLessThanOrEqualTo(100);
    assertThat(bars.symbols()).isLessThanOrEqualTo(10);
    assertThat(bars.releasedEarly()).isEqualTo(10_000 - 100);
  }

  private static BatcherSettings settings(InfoBarSpec spec) {
    return new BatcherSettings(new long[] {1_000}, LATENESS_MS, 2_000, BatcherSettings.LatePolicy.DROP, 60_000, 1,
        BatcherSettings.Shapes.DEFAULT.withInfoBars(List.of(spec)));
  }

  private static void assertMatches(List<InfoBar> out, Map<String, List<ReferenceInfoBars.Expected>> expected) {
    expected.forEach((symbol, bars) -> {
      List<InfoBar> actual = out.stream().filter(b -> b.symbol().equals(symbol)).toList();
      assertThat(actual).as(symbol + " bars").hasSameSizeAs(bars);
      for (int i = 0; i < bars.size(); i++) {
        ReferenceInfoBars.Expected e = bars.get(i);
        InfoBar a = actual.get(i);
        String at = symbol + " bar " + i;
        assertThat(a.start()).as(at + " start").isEqualTo(e.start());
        assertThat(a.end()).as(at + " end").isEqualTo(e.end());
        assertThat(a.trades()).as(at + " trades").isEqualTo(e.trades());
        assertThat(a.open()).as(at + " open").isEqualTo(e.open());
        assertThat(a.high()).as(at + " high").isEqualTo(e.high());
        assertThat(a.low()).as(at + " low").isEqualTo(e.low());
        assertThat(a.close()).as(at + " close").isEqualTo(e.close());
        assertThat(a.volume()).as(at + " volume").isEqualTo(e.volume().doubleValue());
        double notional = e.notional().doubleValue();
        assertThat(a.notional()).as(at + " notional").isCloseTo(notional, within(Math.abs(notional) * 1e-12));
      }
    });
    assertThat(out).as("no bars of other symbols").allMatch(b -> expected.containsKey(b.symbol()));
  }
}
