package io.tickwire.connector.venue;

import io.tickwire.config.BackfillSettings;
import io.tickwire.config.ConnectorSettings;
import io.tickwire.connector.coinbase.CoinbaseTradeHistory;
import io.tickwire.config.SessionSpec;
import io.tickwire.connector.binance.BinanceMarket;
import io.tickwire.connector.binance.BinanceSession;
import io.tickwire.connector.binance.BinanceSnapshots;
import io.tickwire.connector.binance.BinanceTradeHistory;
import io.tickwire.connector.coinbase.CoinbaseAdvancedSession;
import io.tickwire.connector.coinbase.CoinbaseExchangeSession;
import io.tickwire.connector.deribit.DeribitInstruments;
import io.tickwire.connector.deribit.DeribitOptions;
import io.tickwire.connector.deribit.DeribitSession;
import io.tickwire.connector.kraken.KrakenV1Session;
import io.tickwire.connector.kraken.KrakenTradeHistory;
import io.tickwire.connector.kraken.KrakenV2Session;
import io.vertx.core.Vertx;

/** The one place that knows which session class speaks which venue protocol (live connectors and replays alike). */
public final class VenueSessions {
  private VenueSessions() {
  }

  /**
   * A new session for {@code venue}/{@code protocol} (names as in {@link ConnectorSettings#PROTOCOLS}); its
   * {@link VenueSession#stats()} count what it puts out.
   */
  public static VenueSession create(String venue, String protocol, SessionSpec spec, SessionOutput output) {
    return create(venue, protocol, spec, DeribitOptions.REPLAY, new SessionStats(), output);
  }

  /**
   * A session for one connection of {@code venue}; {@code stats} may be shared by the sessions of a connector's
   * connections (they run on one event loop).
   */
  public static VenueSession create(String venue, String protocol, SessionSpec spec, DeribitOptions deribit,
      SessionStats stats, SessionOutput output) {
    SessionOutput counted = new CountingOutput(stats, output);
    return switch (venue + "/" + protocol) {
      case "coinbase/advanced_trade" -> new CoinbaseAdvancedSession(spec, stats, counted);
      case "coinbase/exchange" -> new CoinbaseExchangeSession(spec, stats, counted);
      case "kraken/v2" -> new KrakenV2Session(spec, stats, counted);
      case "kraken/v1" -> new KrakenV1Session(spec, stats, counted);
      case "binance/spot" -> new BinanceSession(BinanceMarket.SPOT, spec, stats, counted);
      case "binance_futures/usdm" -> new BinanceSession(BinanceMarket.USDM, spec, stats, counted);
      case "deribit/v2" -> new DeribitSession(spec, stats, counted, deribit);
      default -> throw new IllegalArgumentException("no session for venue '" + venue + "' protocol '" + protocol
          + "' (known: " + ConnectorSettings.PROTOCOLS + ")");
    };
  }

  public static VenueSession create(ConnectorSettings.Venue venue, SessionOutput output) {
    return create(venue, venue.spec(), 0, new SessionStats(), output);
  }

  /** The session of connection {@code lane} of {@code venue}, subscribing {@code spec}. */
  public static VenueSession create(ConnectorSettings.Venue venue, SessionSpec spec, int lane, SessionStats stats,
      SessionOutput output) {
    DeribitOptions deribit = venue.deribit() == null ? DeribitOptions.REPLAY
        : DeribitOptions.of(venue.deribit(), lane);
    return create(venue.name(), venue.protocol(), spec, deribit, stats, output);
  }

  /** Where a venue's symbols come from when they change at run time, or null when configuration lists them. */
  public static SymbolDirectory symbolDirectory(Vertx vertx, ConnectorSettings.Venue venue) {
    return venue.deribit() == null ? null : new DeribitInstruments(vertx, venue);
  }

  /**
   * The backfill of {@code venue}'s trades from its REST history, or null when it has none configured (or
   * backfill is off). Binance's spends the depth snapshots' request budget ({@code snapshots}, when the venue has
   * them): one IP budget at the venue, so one bucket here.
   */
  public static TradeBackfill tradeBackfill(Vertx vertx, ConnectorSettings.Venue venue, BackfillSettings settings,
      SnapshotFetcher snapshots, TradeBackfill.Answers answers,
      java.util.function.BiConsumer<String, java.util.function.LongSupplier> refused) {
    if (!settings.enabled()) {
      return null;
    }
    if ("coinbase".equals(venue.name()) && "exchange".equals(venue.protocol()) && settings.coinbaseUrl() != null) {
      return new TradeBackfill(vertx, settings.coinbaseUrl().toString(), new CoinbaseTradeHistory(), settings,
          answers, refused);
    }
    if ("kraken".equals(venue.name()) && "v2".equals(venue.protocol()) && settings.krakenUrl() != null) {
      return new TradeBackfill(vertx, settings.krakenUrl().toString(), new KrakenTradeHistory(), settings, answers,
          refused);
    }
    java.net.URI binance = "binance/spot".equals(venue.name() + "/" + venue.protocol()) ? settings.binanceUrl()
        : "binance_futures/usdm".equals(venue.name() + "/" + venue.protocol()) ? settings.binanceFuturesUrl() : null;
    if (binance == null) {
      return null;
    }
    TradeHistory history = new BinanceTradeHistory(BinanceMarket.ofVenue(venue.name()));
    return snapshots instanceof BinanceSnapshots shared
        ? new TradeBackfill(vertx, binance.toString(), history, settings, answers, refused, shared.requestBudget())
        : new TradeBackfill(vertx, binance.toString(), history, settings, answers, refused);
  }

  /** The REST snapshot source a venue needs, or null when its books come over the websocket alone. */
  public static SnapshotFetcher snapshotFetcher(Vertx vertx, ConnectorSettings.Venue venue,
      SnapshotFetcher.Answers answers) {
    if (venue.restUrl() == null) {
      return null;
    }
    String base = venue.restUrl().toString().replaceAll("/+$", "");
    BinanceSnapshots.Options defaults = BinanceSnapshots.Options.defaults(BinanceMarket.ofVenue(venue.name()), base,
        venue.snapshotDepth());
    return new BinanceSnapshots(vertx, new BinanceSnapshots.Options(defaults.market(), defaults.restBase(),
        defaults.limit(), venue.snapshotsPerSec(), defaults.burst(), defaults.timeoutMs(), defaults.retryFirstMs(),
        defaults.retryMaxMs()), answers);
  }
}
