package io.tickwire.derived.surface;

import static io.tickwire.derived.surface.OptionChain.EXPIRY;
import static io.tickwire.derived.surface.OptionChain.SECOND;
import static io.tickwire.derived.surface.OptionChain.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import io.tickwire.codecs.IvSurface;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.OptionTicker;
import io.tickwire.codecs.OptionType;
import io.tickwire.codecs.SmilePoint;
import io.tickwire.config.DerivedSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A synthetic chain on a known smile through the surface engine: smile points equal the smile, the ATM volatility
 * equals the smile at the forward (a strike there) or its interpolation in log-moneyness between the bracketing
 * kept strikes, and illiquid strikes are left out.
 */
class SurfaceEngineTest {
  private static final String FORWARD = "64321.5";
  private static final double F = 64321.5;
  private static final List<Integer> STRIKES = List.of(50000, 52500, 55000, 57500, 60000, 62500, 65000, 67500, 70000,
      72500, 75000, 77500, 80000);

  private static DerivedSettings.IvSurface config() {
    return new DerivedSettings.IvSurface(true, 10_000, 1_000, 10_000, 60_000, 5.0, List.of(), List.of(), 5_000, 8, 4);
  }

  @Test
  void smilePointsAreTheKnownSmileAndIlliquidStrikesAreLeftOut() {
    List<OptionTicker> chain = OptionChain.chain(EXPIRY, "BTC-28JUN24", FORWARD, STRIKES, T0 + 100_000);
    makeIlliquid(chain);
    IvSurface surface = only(snapshots(chain));

    List<Integer> kept = List.of(50000, 52500, 57500, 60000, 65000, 67500, 70000, 75000, 80000);
    assertThat(surface.points()).extracting(p -> (int) Decimals.toDouble(p.strike())).containsExactlyElementsOf(kept);
    for (SmilePoint point : surface.points()) {
      assertThat(point.iv()).as("iv at " + Decimals.toString(point.strike()))
          .isCloseTo(OptionChain.smile(Decimals.toDouble(point.strike()), F), within(1e-9));
    }
    assertThat(surface.strikesSeen()).isEqualTo(STRIKES.size());
    assertThat(surface.strikesKept()).isEqualTo(kept.size());
    assertThat(surface.forward()).isEqualTo(F);
    assertThat(surface.underlying()).as("the root of the expiry's future").isEqualTo("BTC");
    assertThat(surface.ts()).isEqualTo(T0 + 10 * SECOND);
    assertThat(surface.oldestInputAgeMs()).as("the first ticker, 100 ms after T0").isEqualTo(9_900);
  }

  @Test
  void atmIsInterpolatedInLogMoneynessBetweenTheKeptStrikesAroundTheForward() {
    List<OptionTicker> chain = OptionChain.chain(EXPIRY, "BTC-28JUN24", FORWARD, STRIKES, T0 + 100_000);
    makeIlliquid(chain);
    IvSurface surface = only(snapshots(chain));

    // 62,500 is left out (its put is illiquid), so the forward is bracketed by 60,000 and 65,000.
    double k1 = Math.log(60000 / F);
    double k2 = Math.log(65000 / F);
    double iv1 = OptionChain.smile(60000, F);
    double iv2 = OptionChain.smile(65000, F);
    double expected = iv1 + (0 - k1) / (k2 - k1) * (iv2 - iv1);
    assertThat(surface.atmIv()).isCloseTo(expected, within(1e-9));
    assertThat(surface.atmIv()).as("a chord of the parabola: above its value at k = 0 by 30 * -k1 * k2")
        .isCloseTo(50 + 30 * -k1 * k2, within(1e-9));
  }

  @Test
  void atmIsTheSmileItselfWhereAStrikeSitsAtTheForward() {
    List<OptionTicker> chain = OptionChain.chain(EXPIRY, "SYN.BTC-28JUN24", "65000", STRIKES, T0 + 100_000);
    IvSurface surface = only(snapshots(chain));
    assertThat(surface.atmIv()).isCloseTo(50.0, within(1e-9));
    assertThat(surface.strikesKept()).isEqualTo(STRIKES.size());
  }

  @Test
  void absurdTickersAreCountedAndNeverReachASmile() {
    List<OptionTicker> clean = OptionChain.chain(EXPIRY, "BTC-28JUN24", FORWARD, STRIKES, T0 + 100_000);
    List<MarketEvent> poisoned = new ArrayList<>(clean);
    long t = T0 + 5 * SECOND;
    poisoned.add(OptionChain.ticker(EXPIRY, "BTC-28JUN24", FORWARD, 60000, OptionType.PUT, Double.NaN, 40, 41, "1",
        "1", t)); // NaN mark volatility
    poisoned.add(OptionChain.ticker(EXPIRY, "BTC-28JUN24", FORWARD, 65000, OptionType.CALL, 51, 53, 52, "1", "1",
        t)); // bid volatility above ask
    poisoned.add(OptionChain.ticker(EXPIRY, "BTC-28JUN24", "0", 70000, OptionType.CALL, 51, 50, 52, "1", "1",
        t)); // no underlying price
    poisoned.add(OptionChain.ticker(EXPIRY, "BTC-28JUN24", FORWARD, 75000, OptionType.CALL, 5000, 50, 52, "1", "1",
        t)); // 5,000% volatility
    poisoned.add(OptionChain.ticker(EXPIRY, "BTC-28JUN24", FORWARD, 75000, OptionType.CALL, 51, -2, 52, "1", "1",
        t)); // negative bid volatility
    poisoned.add(dueTicker());
    SurfaceFeed feed = new SurfaceFeed(config()).applyAll(poisoned);
    SurfaceEngine engine = feed.engine;
    List<IvSurface> withPoison = feed.out;

    assertThat(withPoison).isEqualTo(snapshots(clean));
    assertThat(engine.rejections().get(TickerCheck.BAD_MARK_IV)).isEqualTo(2);
    assertThat(engine.rejections().get(TickerCheck.CROSSED_IV)).isEqualTo(1);
    assertThat(engine.rejections().get(TickerCheck.BAD_UNDERLYING_PRICE)).isEqualTo(1);
    assertThat(engine.rejections().get(TickerCheck.BAD_IV)).isEqualTo(1);
  }

  @Test
  void expiriesAndInstrumentsAreCappedAndAnExpiryReachedIsDropped() {
    DerivedSettings.IvSurface tight = new DerivedSettings.IvSurface(true, 10_000, 0, 10_000, 60_000, 5.0, List.of(),
        List.of(), 10, 2, 1);
    SurfaceFeed feed = new SurfaceFeed(tight);
    SurfaceEngine engine = feed.engine;
    long soon = T0 + 15 * SECOND;
    long june = EXPIRY;
    long september = IsoTime.parse("2024-09-27T08:00:00Z");
    List<MarketEvent> events = new ArrayList<>();
    events.addAll(OptionChain.chain(soon, "BTC-SOON", FORWARD, List.of(60000, 65000), T0 + 1));
    events.addAll(OptionChain.chain(june, "BTC-28JUN24", FORWARD, List.of(60000, 65000, 70000), T0 + 1));
    events.addAll(OptionChain.chain(september, "BTC-27SEP24", FORWARD, List.of(60000), T0 + 1));
    events.add(OptionChain.ticker(june, "ETH-28JUN24", "3100", 3000, OptionType.CALL, 50, 49, 51, "1", "1",
        T0 + 2));
    List<IvSurface> out = feed.applyAll(events).out;

    assertThat(engine.rejections().get(SurfaceEngine.EXPIRY_CAP)).as("a third expiry").isEqualTo(2);
    assertThat(engine.rejections().get(SurfaceEngine.UNDERLYING_CAP)).as("a second underlying").isEqualTo(1);
    assertThat(engine.gauges()).containsEntry("instruments", 10).containsEntry("instruments_evicted", 0L);
    feed.apply(OptionChain.ticker(june, "BTC-28JUN24", FORWARD, 75000, OptionType.PUT, 50, 49, 51, "1", "1",
        T0 + 3));
    assertThat(engine.gauges()).containsEntry("instruments", 10).containsEntry("instruments_evicted", 1L);

    feed.apply(OptionChain.ticker(june, "BTC-28JUN24", FORWARD, 60000, OptionType.PUT, 50, 49, 51, "1", "1",
        T0 + 20 * SECOND));
    assertThat(out).extracting(IvSurface::ts).containsExactly(T0 + 10 * SECOND, T0 + 10 * SECOND,
        T0 + 20 * SECOND);
    assertThat(out).extracting(IvSurface::expiry).as("the expiry 15 s out is gone by the 20 s snapshot")
        .containsExactly(soon, june, june);
    assertThat(engine.gauges()).containsEntry("expiries", 1);
  }

  private static void makeIlliquid(List<OptionTicker> chain) {
    String u = "BTC-28JUN24";
    long t = T0 + 2 * SECOND;
    chain.add(OptionChain.ticker(EXPIRY, u, FORWARD, 55000, OptionType.PUT, OptionChain.smile(55000, F), Double.NaN,
        OptionChain.smile(55000, F) + 0.4, "1", "1", t)); // no bid
    chain.add(OptionChain.ticker(EXPIRY, u, FORWARD, 62500, OptionType.PUT, OptionChain.smile(62500, F),
        OptionChain.smile(62500, F) - 4, OptionChain.smile(62500, F) + 4, "1", "1", t)); // 8 points wide
    chain.add(OptionChain.ticker(EXPIRY, u, FORWARD, 72500, OptionType.CALL, OptionChain.smile(72500, F),
        OptionChain.smile(72500, F) - 3, OptionChain.smile(72500, F) + 3, "1", "1", t)); // 6 points wide
    chain.add(OptionChain.ticker(EXPIRY, u, FORWARD, 77500, OptionType.CALL, OptionChain.smile(77500, F),
        OptionChain.smile(77500, F) - 0.4, OptionChain.smile(77500, F) + 0.4, "1", "0", t)); // no ask size
  }

  /** The chain, then one ticker past the first snapshot's lateness to bring it due. */
  private static List<IvSurface> snapshots(List<? extends MarketEvent> chain) {
    List<MarketEvent> events = new ArrayList<>(chain);
    events.add(dueTicker());
    return new SurfaceFeed(config()).applyAll(events).out;
  }

  private static OptionTicker dueTicker() {
    return OptionChain.ticker(EXPIRY, "BTC-28JUN24", FORWARD, 90000, OptionType.CALL, 60, 59, 61, "1", "1",
        T0 + 11 * SECOND);
  }

  private static IvSurface only(List<IvSurface> surfaces) {
    assertThat(surfaces).hasSize(1);
    return surfaces.get(0);
  }
}
