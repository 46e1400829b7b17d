package io.tickwire.config;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * What the Deribit connector subscribes besides its configured {@code symbols}, and how
 * ({@code connectors.deribit.*}):
 * <ul>
 *   <li>instruments picked from {@code public/get_instruments} at {@code restUrl}, refreshed every
 *       {@code refreshMs}: of {@code currencies}, of {@code kinds} ({@code option}, {@code future},
 *       {@code perpetual}), options of the nearest {@code expiries} expiries (0: every expiry) with a strike
 *       between {@code minMoneyness} and {@code maxMoneyness} times the currency's index price, at most
 *       {@code maxInstruments} in all;</li>
 *   <li>spread over at most {@code maxConnections} connections of at most {@code maxChannelsPerConnection}
 *       channels each;</li>
 *   <li>channel intervals: {@code tickerInterval} for {@code ticker.*} ({@code raw}, {@code 100ms} or
 *       {@code agg2}), {@code streamInterval} for {@code book.*} and {@code trades.*} ({@code raw} or
 *       {@code 100ms});</li>
 *   <li>{@code heartbeatSeconds} for {@code public/set_heartbeat}; the DVOL indexes of {@code volatilityIndexes}
 *       ({@code btc_usd}, ...).</li>
 * </ul>
 */
public record DeribitSettings(URI restUrl, List<String> currencies, Set<String> kinds, int expiries,
    double minMoneyness, double maxMoneyness, int maxInstruments, long refreshMs, int maxChannelsPerConnection,
    int maxConnections, String tickerInterval, String streamInterval, int heartbeatSeconds,
    List<String> volatilityIndexes) {
  public static final List<String> KINDS = List.of("option", "future", "perpetual");

  public DeribitSettings {
    currencies = List.copyOf(currencies);
    kinds = Set.copyOf(kinds);
    volatilityIndexes = List.copyOf(volatilityIndexes);
  }

  /** An instrument has at most three channels: ticker, book, trades. */
  private static final int MAX_CHANNELS_PER_INSTRUMENT = 3;

  static DeribitSettings from(ConfigReader r, String prefix) {
    List<String> kinds = r.stringListOrEmpty(prefix + "kinds");
    for (String kind : kinds) {
      if (!KINDS.contains(kind)) {
        throw ConfigReader.invalid(prefix + "kinds", r.raw(prefix + "kinds"), "a list of option, future, perpetual");
      }
    }
    double minMoneyness = r.number(prefix + "min_moneyness", 0.01, 100);
    double maxMoneyness = r.number(prefix + "max_moneyness", minMoneyness, 100);
    List<String> indexes = ConfigReader.distinct(prefix + "dvol", r.stringListOrEmpty(prefix + "dvol"));
    // The first connection carries the DVOL channels and still needs room for one instrument's channels.
    int maxChannels = (int) r.integer(prefix + "max_channels_per_connection",
        MAX_CHANNELS_PER_INSTRUMENT + indexes.size(), 100_000);
    return new DeribitSettings(ConnectorSettings.uri(r, prefix + "rest_url", "http", "https"),
        ConfigReader.distinct(prefix + "currencies", r.stringListOrEmpty(prefix + "currencies")), Set.copyOf(kinds),
        (int) r.integer(prefix + "expiries", 0, 1_000), minMoneyness, maxMoneyness,
        (int) r.integer(prefix + "max_instruments", 1, 100_000),
        r.integer(prefix + "instruments_refresh_ms", 1_000, 86_400_000), maxChannels,
        (int) r.integer(prefix + "max_connections", 1, 100),
        r.oneOf(prefix + "ticker_interval", "raw", "100ms", "agg2"), r.oneOf(prefix + "interval", "raw", "100ms"),
        (int) r.integer(prefix + "heartbeat_sec", 10, 3_600), indexes);
  }
}
