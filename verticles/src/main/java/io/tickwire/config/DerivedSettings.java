package io.tickwire.config;

import io.tickwire.codecs.Intervals;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The streams derived across venues and instruments ({@code derived.*}): the consolidated spot mid of each
 * configured asset ({@link SpotMid}) and the implied-volatility smiles of option chains ({@link IvSurface}).
 */
public record DerivedSettings(SpotMid spotMid, IvSurface ivSurface) {
  /** Assets one node follows at most, and venues per asset: the spot-mid state is sized by them. */
  public static final int MAX_ASSETS = 64;
  public static final int MAX_VENUES_PER_ASSET = 16;

  private static final long HOUR_MS = 3_600_000L;
  private static final String ASSETS = "derived.spot_mid.assets";

  /** Whether either stream is configured; without one, nothing reads the routed ticks for them. */
  public boolean enabled() {
    return spotMid.enabled() || ivSurface.enabled();
  }

  /** One (venue, symbol) as events name it. */
  public record VenueSymbol(String venue, String symbol) {
    @Override
    public String toString() {
      return venue + ':' + symbol;
    }
  }

  /**
   * An asset's spot books or quotes, one per venue, and its perpetual future (null when none) whose mark price and
   * funding rate give the basis and the funding features.
   */
  public record Asset(String name, List<VenueSymbol> venues, VenueSymbol perp) {
    public Asset {
      venues = List.copyOf(venues);
    }
  }

  /**
   * Every {@code intervalMillis} of event time, per asset: each venue's newest quote at or before the sample time
   * (fresh when younger than {@code maxAgeMs}), the median of the fresh venues' mids, and the quality flag:
   * {@code ok} with at least {@code minVenues} fresh venues whose mids spread at most {@code bandBps}. A sample is
   * taken once the partitions of the asset's venues have all got {@code latenessMs} past it, waiting at most
   * {@code maxWaitMs} of event time for one that lags. Feature snapshots of the asset's symbols take the newest
   * sample at most {@code featureMaxAgeMs} older than themselves.
   */
  public record SpotMid(List<Asset> assets, long intervalMillis, long latenessMs, long maxWaitMs, long maxAgeMs,
      int minVenues, double bandBps, long featureMaxAgeMs) {
    public SpotMid {
      assets = List.copyOf(assets);
    }

    public boolean enabled() {
      return !assets.isEmpty();
    }
  }

  /**
   * Every {@code everyMillis} of event time, per (venue, underlying, expiry) of the option tickers of
   * {@code venues} and {@code underlyings} (empty: any): the forward, the at-the-money volatility and the smile
   * points that pass the liquidity filter (bid and ask volatility present, at most {@code maxIvSpread} volatility
   * points apart, bid and ask sizes present). A ticker older than {@code maxAgeMs} at the snapshot is left out. A
   * snapshot is taken once every partition has got {@code latenessMs} past it, waiting at most {@code maxWaitMs} of
   * event time for one that lags.
   * At most {@code maxInstruments} instruments, {@code maxExpiries} expiries per underlying and
   * {@code maxUnderlyings} underlyings are followed at once.
   */
  public record IvSurface(boolean enabled, long everyMillis, long latenessMs, long maxWaitMs, long maxAgeMs,
      double maxIvSpread,
      List<String> venues, List<String> underlyings, int maxInstruments, int maxExpiries, int maxUnderlyings) {
    public IvSurface {
      venues = List.copyOf(venues);
      underlyings = List.copyOf(underlyings);
    }
  }

  static DerivedSettings from(ConfigReader r) {
    return new DerivedSettings(spotMid(r), ivSurface(r));
  }

  private static SpotMid spotMid(ConfigReader r) {
    List<Asset> assets = assets(r);
    int minVenues = (int) r.integer("derived.spot_mid.min_venues", 1, MAX_VENUES_PER_ASSET);
    for (Asset asset : assets) {
      if (asset.venues().size() < minVenues) {
        throw ConfigReader.invalid(ASSETS, r.raw(ASSETS), "assets of at least derived.spot_mid.min_venues ("
            + minVenues + ") venues each; " + asset.name() + " has " + asset.venues().size()
            + " and could never be ok");
      }
    }
    return new SpotMid(assets, sampleInterval(r, "derived.spot_mid.interval"),
        r.integer("derived.spot_mid.lateness_ms", 0, HOUR_MS), r.integer("derived.spot_mid.max_wait_ms", 0, HOUR_MS),
        r.integer("derived.spot_mid.max_age_ms", 1, HOUR_MS),
        minVenues, r.number("derived.spot_mid.band_bps", 0.0, 10_000.0),
        r.integer("derived.spot_mid.feature_max_age_ms", 1, HOUR_MS));
  }

  private static List<Asset> assets(ConfigReader r) {
    Object raw = r.raw(ASSETS);
    if (!(raw instanceof JsonArray array)) {
      throw ConfigReader.invalid(ASSETS, raw, "a list of {asset, venues: [venue:symbol, ...], perp: venue:symbol"
          + " or null}");
    }
    if (array.size() > MAX_ASSETS) {
      throw ConfigReader.invalid(ASSETS, array.size() + " assets", "at most " + MAX_ASSETS);
    }
    List<Asset> assets = new ArrayList<>();
    Set<String> names = new HashSet<>();
    Set<VenueSymbol> pairs = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      Asset asset = asset(array.getValue(i), ASSETS + "[" + i + "]");
      if (!names.add(asset.name())) {
        throw ConfigReader.invalid(ASSETS + "[" + i + "].asset", asset.name(), "a name no other asset has");
      }
      claim(pairs, asset, ASSETS + "[" + i + "]");
      assets.add(asset);
    }
    return assets;
  }

  /** Each (venue, symbol) feeds one asset only, so an event needs no more than one look-up to find its asset. */
  private static void claim(Set<VenueSymbol> pairs, Asset asset, String key) {
    List<VenueSymbol> all = new ArrayList<>(asset.venues());
    if (asset.perp() != null) {
      all.add(asset.perp());
    }
    for (VenueSymbol pair : all) {
      if (!pairs.add(pair)) {
        throw ConfigReader.invalid(key, pair.toString(), "a venue:symbol that no other venue or asset names");
      }
    }
  }

  private static Asset asset(Object raw, String key) {
    if (!(raw instanceof JsonObject object)) {
      throw ConfigReader.invalid(key, raw, "{asset: BTC, venues: [coinbase:BTC-USD, ...], perp: venue:symbol or null}");
    }
    ConfigReader r = new ConfigReader(object);
    for (String field : object.fieldNames()) {
      if (!List.of("asset", "venues", "perp").contains(field)) {
        throw ConfigReader.invalid(key + "." + field, object.getValue(field), "no such key: an asset has asset,"
            + " venues and perp");
      }
    }
    String name = r.string("asset");
    if (!name.matches("[A-Za-z0-9_.-]{1,32}")) {
      throw ConfigReader.invalid(key + ".asset", name, "1 to 32 letters, digits, '_', '.' or '-'");
    }
    List<String> venueTexts = r.stringList("venues");
    if (venueTexts.size() > MAX_VENUES_PER_ASSET) {
      throw ConfigReader.invalid(key + ".venues", venueTexts, "at most " + MAX_VENUES_PER_ASSET + " venues");
    }
    List<VenueSymbol> venues = new ArrayList<>();
    for (String text : venueTexts) {
      venues.add(venueSymbol(key + ".venues", text));
    }
    String perp = r.optionalString("perp");
    return new Asset(name, venues, perp == null ? null : venueSymbol(key + ".perp", perp));
  }

  private static VenueSymbol venueSymbol(String key, String text) {
    int colon = text.indexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw ConfigReader.invalid(key, text, "venue:symbol, e.g. coinbase:BTC-USD");
    }
    return new VenueSymbol(text.substring(0, colon), text.substring(colon + 1));
  }

  private static IvSurface ivSurface(ConfigReader r) {
    return new IvSurface(r.bool("derived.iv_surface.enabled"), sampleInterval(r, "derived.iv_surface.every"),
        r.integer("derived.iv_surface.lateness_ms", 0, HOUR_MS), r.integer("derived.iv_surface.max_wait_ms", 0, HOUR_MS),
        r.integer("derived.iv_surface.max_age_ms", 1, 24 * HOUR_MS), r.number("derived.iv_surface.max_iv_spread", 0.0,
        1_000.0),
        ConfigReader.distinct("derived.iv_surface.venues", r.stringListOrEmpty("derived.iv_surface.venues")),
        ConfigReader.distinct("derived.iv_surface.underlyings", r.stringListOrEmpty("derived.iv_surface.underlyings")),
        (int) r.integer("derived.iv_surface.max_instruments", 1, 1_000_000),
        (int) r.integer("derived.iv_surface.max_expiries", 1, 1_000),
        (int) r.integer("derived.iv_surface.max_underlyings", 1, 1_000));
  }

  /** Samples are aligned to the epoch, so the interval divides a day (a replay takes the same sample times). */
  private static long sampleInterval(ConfigReader r, String key) {
    Object raw = r.raw(key);
    long millis;
    try {
      millis = Intervals.parse(String.valueOf(raw));
    } catch (IllegalArgumentException e) {
      throw ConfigReader.invalid(key, raw, "an interval such as 1s, 10s, 1m (" + e.getMessage() + ")");
    }
    if (millis < 100 || 86_400_000L % millis != 0) {
      throw ConfigReader.invalid(key, raw, "an interval of at least 100ms that divides a day evenly");
    }
    return millis;
  }
}
