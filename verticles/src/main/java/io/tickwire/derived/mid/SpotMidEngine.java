package io.tickwire.derived.mid;

import io.tickwire.codecs.BookUpdate;
import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.FeedGap;
import io.tickwire.codecs.MarkFunding;
import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.SpotMid;
import io.tickwire.config.DerivedSettings;
import io.tickwire.config.DerivedSettings.VenueSymbol;
import io.tickwire.derived.sampling.OfferCounts;
import io.tickwire.derived.sampling.PartitionWatermarks;
import io.tickwire.derived.sampling.Rejections;
import io.tickwire.derived.sampling.SampleClock;
import io.tickwire.router.Partitioner;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consolidated spot mids of the configured assets, from routed events in the order they arrive: quotes and
 * book updates of each asset's venues, feed gaps of its book venues, and its perpetual's mark/funding updates.
 * Every other event is ignored. An input that fails its checks is counted by reason in {@link #rejections()} and
 * never reaches a sample. Each accepted input moves its asset's clock; a sample falls due once the partitions of the
 * asset's venues have all got past it ({@link PartitionWatermarks}), so its content does not depend on how the
 * partitions were interleaved or batched.
 *
 * <p>State is bounded by the configuration: one book or quote per configured (venue, symbol), a few pending
 * samples each, {@link DerivedSettings#MAX_ASSETS} assets at most. Not thread-safe: owned by one event loop.
 */
public final class SpotMidEngine {
  /** A perpetual's funding rate at or beyond 100% a period is no market's; the mark with it is not used either. */
  static final String BAD_FUNDING_RATE = "bad_funding_rate";
  public static final List<String> REASONS = List.of(QuoteCheck.BAD_PRICE, QuoteCheck.BAD_SIZE, QuoteCheck.CROSSED,
      BookTops.CROSSED_BOOK, BAD_FUNDING_RATE);

  /** Where a (venue, symbol)'s events go: an asset's venue, or its perpetual ({@code venue} -1). */
  private record Route(Asset asset, int venue, VenueSymbol pair) {
    boolean perp() {
      return venue < 0;
    }
  }

  /** An asset's state and the partitions its venues and perpetual are routed to, which its samples wait for. */
  private record Asset(AssetMids mids, int[] partitions) {
  }

  private final List<Asset> assets = new ArrayList<>();
  private final PartitionWatermarks watermarks;
  private final long maxWaitMicros;
  /** Venue, then symbol: a look-up per event without building a key. */
  private final Map<String, Map<String, Route>> routes = new HashMap<>();
  private final BookTops books = new BookTops();
  private final Rejections rejections = new Rejections(REASONS);
  private long samples;
  private final OfferCounts offers = new OfferCounts();

  /** @param watermarks the routed partitions' progress, which the caller keeps up to date with every event */
  public SpotMidEngine(DerivedSettings.SpotMid config, PartitionWatermarks watermarks) {
    this.watermarks = watermarks;
    this.maxWaitMicros = config.maxWaitMs() * 1000;
    for (DerivedSettings.Asset asset : config.assets()) {
      Asset state = new Asset(new AssetMids(asset, config), partitionsOf(asset, watermarks.partitions()));
      assets.add(state);
      for (int i = 0; i < asset.venues().size(); i++) {
        route(asset.venues().get(i), new Route(state, i, asset.venues().get(i)));
      }
      if (asset.perp() != null) {
        route(asset.perp(), new Route(state, -1, asset.perp()));
      }
    }
  }

  private static int[] partitionsOf(DerivedSettings.Asset asset, int partitions) {
    List<VenueSymbol> pairs = new ArrayList<>(asset.venues());
    if (asset.perp() != null) {
      pairs.add(asset.perp());
    }
    return pairs.stream().mapToInt(pair -> Partitioner.partition(pair.venue(), pair.symbol(), partitions))
        .distinct().toArray();
  }

  private void route(VenueSymbol pair, Route route) {
    routes.computeIfAbsent(pair.venue(), v -> new HashMap<>()).put(pair.symbol(), route);
  }

  /** Takes one routed event in; the samples it brings due are added to {@code out}. */
  public void apply(MarketEvent event, List<SpotMid> out) {
    Map<String, Route> bySymbol = routes.get(event.venue());
    Route route = bySymbol == null ? null : bySymbol.get(event.symbol());
    if (route == null) {
      return;
    }
    boolean taken = route.perp() ? perpInput(route, event) : venueInput(route, event);
    if (taken) {
      route.asset().mids().observe(event.eventTime());
      drain(route.asset(), out);
    }
  }

  /** Adds the samples every asset has due to {@code out}: after a batch, or the router's word that a partition idles. */
  public void drainAll(List<SpotMid> out) {
    for (Asset asset : assets) {
      drain(asset, out);
    }
  }

  /** Adds every sample up to each asset's newest input, waiting for no partition: the stream is stopping. */
  public void flush(List<SpotMid> out) {
    for (Asset asset : assets) {
      samples += asset.mids().drain(Long.MAX_VALUE, out);
    }
  }

  private void drain(Asset asset, List<SpotMid> out) {
    SampleClock clock = asset.mids().clock();
    if (clock.newest() == Long.MIN_VALUE) {
      return;
    }
    long complete = watermarks.low(asset.partitions(), clock.newest(), clock.first(), maxWaitMicros);
    samples += asset.mids().drain(complete, out);
  }

  private boolean venueInput(Route route, MarketEvent event) {
    if (event instanceof Quote quote) {
      return quote(route, quote);
    }
    if (event instanceof BookUpdate update) {
      return bookTop(route, update.eventTime(), books.apply(route.pair(), update));
    }
    if (event instanceof FeedGap gap) {
      return bookTop(route, gap.eventTime(), books.gap(route.pair(), gap));
    }
    return false;
  }

  private boolean quote(Route route, Quote q) {
    String reason = QuoteCheck.reason(q.bidPrice(), q.bidSize(), q.askPrice(), q.askSize());
    if (reason != null) {
      rejections.count(reason);
      return false;
    }
    TopOfBook top = new TopOfBook(q.bidPrice(), q.bidSize(), q.askPrice(), q.askSize(), q.eventTime());
    offers.count(route.asset().mids().offerTop(route.venue(), q.eventTime(), top));
    return true;
  }

  private boolean bookTop(Route route, long time, BookTops.Result result) {
    if (result instanceof BookTops.Top top) {
      offers.count(route.asset().mids().offerTop(route.venue(), time, top.top()));
      return true;
    }
    if (result instanceof BookTops.NoTop none) {
      if (none.reason() != null) {
        rejections.count(none.reason());
      }
      offers.count(route.asset().mids().offerTop(route.venue(), time, null));
      return true;
    }
    return false;
  }

  private boolean perpInput(Route route, MarketEvent event) {
    if (!(event instanceof MarkFunding m)) {
      return false;
    }
    if (!Decimals.isPositive(m.markPrice())) {
      rejections.count(QuoteCheck.BAD_PRICE);
      return false;
    }
    if (Math.abs(Decimals.toDouble(m.fundingRate())) >= 1.0) {
      rejections.count(BAD_FUNDING_RATE);
      return false;
    }
    offers.count(route.asset().mids().offerPerp(m.eventTime(), new PerpMark(m.markPrice(), m.fundingRate(),
        m.eventTime())));
    return true;
  }

  public Rejections rejections() {
    return rejections;
  }

  /** The newest sample of each asset that has one, in configuration order. */
  public List<SpotMid> newest() {
    List<SpotMid> out = new ArrayList<>();
    for (Asset asset : assets) {
      if (asset.mids().newest() != null) {
        out.add(asset.mids().newest());
      }
    }
    return out;
  }

  /** Counts for health: samples, inputs too late for their sample, superseded, skipped samples, unsynced deltas. */
  public Map<String, Number> gauges() {
    Map<String, Number> out = new LinkedHashMap<>();
    out.put("assets", assets.size());
    out.put("samples", samples);
    long skipped = 0;
    for (Asset asset : assets) {
      skipped += asset.mids().skippedSamples();
    }
    out.put("samples_skipped", skipped);
    offers.addTo(out);
    out.put("book_deltas_before_snapshot", books.unsynced());
    out.putAll(rejections.gauges());
    return out;
  }
}
