package io.tickwire.derived.mid;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.SpotMid;
import io.tickwire.codecs.VenueQuote;
import io.tickwire.config.DerivedSettings;
import io.tickwire.config.DerivedSettings.VenueSymbol;
import io.tickwire.derived.sampling.AsOf;
import io.tickwire.derived.sampling.SampleClock;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * One asset's inputs (each venue's best bid and ask, its perpetual's mark and funding) and its samples: on every
 * sample time its clock brings due, each venue's newest input at or before that time, how old it is, and the
 * {@link Consensus} of the fresh ones. Not thread-safe: owned by the derived stage's event loop.
 */
final class AssetMids {
  private static final double BPS = 10_000.0;

  private final DerivedSettings.Asset asset;
  private final SampleClock clock;
  private final List<AsOf<TopOfBook>> venues = new ArrayList<>();
  private final AsOf<PerpMark> perp;
  private final long maxAgeMicros;
  private final int minVenues;
  private final double bandBps;
  private SpotMid newest;

  AssetMids(DerivedSettings.Asset asset, DerivedSettings.SpotMid config) {
    this.asset = asset;
    this.clock = new SampleClock(config.intervalMillis() * 1000, config.latenessMs() * 1000);
    // Enough pending samples for every sample the lateness and the wait for partitions can hold back.
    int pending = (int) Math.min(256, (config.latenessMs() + config.maxWaitMs()) / config.intervalMillis() + 3);
    for (int i = 0; i < asset.venues().size(); i++) {
      venues.add(new AsOf<>(clock, pending));
    }
    this.perp = asset.perp() == null ? null : new AsOf<>(clock, pending);
    this.maxAgeMicros = config.maxAgeMs() * 1000;
    this.minVenues = config.minVenues();
    this.bandBps = config.bandBps();
  }

  /** A venue's top from {@code time} on; null when it has none from then (a book dropped or crossed). */
  AsOf.Offer offerTop(int venue, long time, TopOfBook top) {
    return venues.get(venue).offer(time, top);
  }

  AsOf.Offer offerPerp(long time, PerpMark mark) {
    return perp.offer(time, mark);
  }

  /** An input of the asset was stamped {@code eventTime}. */
  void observe(long eventTime) {
    clock.observe(eventTime);
  }

  /**
   * Adds to {@code out} the samples that are due now that every input stamped up to {@code complete} has arrived;
   * returns how many.
   */
  int drain(long complete, List<SpotMid> out) {
    int taken = 0;
    for (long t = clock.nextDue(complete); t != Long.MIN_VALUE; t = clock.nextDue(complete)) {
      newest = sample(t);
      out.add(newest);
      taken++;
    }
    return taken;
  }

  /** The asset's clock: its newest and first input, which the partitions it waits for are measured against. */
  SampleClock clock() {
    return clock;
  }

  private SpotMid sample(long t) {
    List<VenueQuote> quotes = new ArrayList<>(venues.size());
    List<BigDecimal> freshMids = new ArrayList<>(venues.size());
    for (int i = 0; i < venues.size(); i++) {
      VenueQuote quote = quoteAt(asset.venues().get(i), venues.get(i), t);
      quotes.add(quote);
      if (quote.fresh()) {
        freshMids.add(quote.exactMid());
      }
    }
    Consensus consensus = Consensus.of(freshMids, minVenues, bandBps);
    PerpMark mark = perp == null ? null : perp.at(t);
    boolean perpFresh = mark != null && t - mark.time() < maxAgeMicros;
    double perpMark = perpFresh ? Decimals.toDouble(mark.markPrice()) : Double.NaN;
    double funding = perpFresh ? Decimals.toDouble(mark.fundingRate()) : Double.NaN;
    BigDecimal basis = perpFresh && consensus.mid() != null
        ? Decimals.toBigDecimal(mark.markPrice()).subtract(consensus.mid()) : null;
    return new SpotMid(asset.name(), t, consensus.midValue(), consensus.quality(), consensus.freshVenues(),
        consensus.dispersionBps(), quotes, perpMark, basis == null ? Double.NaN : basis.doubleValue(),
        basis == null ? Double.NaN : basis.divide(consensus.mid(), MathContext.DECIMAL64).doubleValue() * BPS,
        funding);
  }

  private VenueQuote quoteAt(VenueSymbol pair, AsOf<TopOfBook> input, long t) {
    TopOfBook top = input.at(t);
    if (top == null) {
      return VenueQuote.never(pair.venue(), pair.symbol());
    }
    long age = Math.max(0, t - top.time()); // never negative, even for a value folded in early at the cap
    return new VenueQuote(pair.venue(), pair.symbol(), top.bidPrice(), top.bidSize(), top.askPrice(),
        top.askSize(), top.time(), Math.floorDiv(age, 1000), age < maxAgeMicros);
  }

  /** The newest sample taken, or null before the first. */
  SpotMid newest() {
    return newest;
  }

  long skippedSamples() {
    return clock.skipped();
  }
}
