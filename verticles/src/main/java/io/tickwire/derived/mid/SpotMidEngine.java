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
import io.tickwire.derived.sampling.AsOf;
import io.tickwire.derived.sampling.Rejections;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The consolidated spot mids of the configured assets, from routed events in the order they arrive: quotes and
 * book updates of each asset's venues, feed gaps of its book venues, and its perpetual's mark/funding updates.
 * Every other event is ignored. An input that fails its checks is counted by reason in {@link #rejections()} and
 * never reaches a sample. Each accepted input moves its asset's clock, and the samples that fall due go out at once,
 * so a sample's content does not depend on how the events were batched.
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
  private record Route(AssetMids asset, int venue, VenueSymbol pair) {
    boolean perp() {
      return venue < 0;
    }
  }

  private final List<AssetMids> assets = new ArrayList<>();
  /** Venue, then symbol: a look-up per event without building a key. */
  private final Map<String, Map<String, Route>> routes = new HashMap<>();
  private final BookTops books = new BookTops();
  private final Rejections rejections = new Rejections(REASONS);
  private long samples;
  private long late;
  private long superseded;

  public SpotMidEngine(DerivedSettings.SpotMid config) {
    for (DerivedSettings.Asset asset : config.assets()) {
      AssetMids mids = new AssetMids(asset, config);
      assets.add(mids);
      for (int i = 0; i < asset.venues().size(); i++) {
        route(asset.venues().get(i), new Route(mids, i, asset.venues().get(i)));
      }
      if (asset.perp() != null) {
        route(asset.perp(), new Route(mids, -1, asset.perp()));
      }
    }
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
      int before = out.size();
      route.asset().advance(event.eventTime(), out);
      samples += out.size() - before;
    }
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
    counted(route.asset().offerTop(route.venue(), q.eventTime(), top));
    return true;
  }

  private boolean bookTop(Route route, long time, BookTops.Result result) {
    if (result instanceof BookTops.Top top) {
      counted(route.asset().offerTop(route.venue(), time, top.top()));
      return true;
    }
    if (result instanceof BookTops.NoTop none) {
      if (none.reason() != null) {
        rejections.count(none.reason());
      }
      counted(route.asset().offerTop(route.venue(), time, null));
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
    counted(route.asset().offerPerp(m.eventTime(), new PerpMark(m.markPrice(), m.fundingRate(), m.eventTime())));
    return true;
  }

  private void counted(AsOf.Offer offer) {
    if (offer == AsOf.Offer.LATE) {
      late++;
    } else if (offer == AsOf.Offer.SUPERSEDED) {
      superseded++;
    }
  }

  public Rejections rejections() {
    return rejections;
  }

  /** The newest sample of each asset that has one, in configuration order. */
  public List<SpotMid> newest() {
    List<SpotMid> out = new ArrayList<>();
    for (AssetMids asset : assets) {
      if (asset.newest() != null) {
        out.add(asset.newest());
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
    for (AssetMids asset : assets) {
      skipped += asset.skippedSamples();
    }
    out.put("samples_skipped", skipped);
    out.put("inputs_late", late);
    out.put("inputs_superseded", superseded);
    out.put("book_deltas_before_snapshot", books.unsynced());
    out.putAll(rejections.gauges());
    return out;
  }
}
