package io.tickwire.codecs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The consolidated spot mid of one asset at the sample time {@code ts} (event time, a multiple of the sample
 * interval): the median of the fresh venues' mids ({@code mid}, NaN when no venue is fresh), the quality of that
 * figure, how far the fresh venues' mids spread ({@code dispersionBps}: (highest - lowest) / mid, in basis points;
 * NaN without a mid), every configured venue's quote as the sample saw it, and the asset's perpetual: its mark
 * price, the basis (mark - mid) in price units and in basis points of the mid, and its funding rate (a fraction per
 * funding period). A value that could not be had (no mid, no fresh perpetual) is NaN. {@code venues} is an
 * immutable copy, in configuration order.
 *
 * <p>The perpetual's values are also features (rules use them by the names below), so the names are defined here
 * once: the v1 JSON keys, the feature snapshot keys and the rule variables are the same strings.
 */
public record SpotMid(
    String asset,
    long ts,
    double mid,
    String quality,
    int freshVenues,
    double dispersionBps,
    List<VenueQuote> venues,
    double perpMark,
    double basis,
    double basisBps,
    double fundingRate) {

  /** Enough venues are fresh and they agree within the band. */
  public static final String OK = "ok";
  /** Fewer venues are fresh than the configured minimum. */
  public static final String DEGRADED = "degraded";
  /** Enough venues are fresh, but their mids spread wider than the band. */
  public static final String SUSPECT = "suspect";
  public static final List<String> QUALITIES = List.of(OK, DEGRADED, SUSPECT);

  public static final String SPOT_MID = "spot_mid";
  public static final String BASIS = "basis";
  public static final String BASIS_BPS = "basis_bps";
  public static final String FUNDING_RATE = "funding_rate";
  /** The values that feature snapshots of the asset's symbols carry, as features and rule variables. */
  public static final List<String> FEATURE_NAMES = List.of(SPOT_MID, BASIS, BASIS_BPS, FUNDING_RATE);

  public SpotMid {
    Objects.requireNonNull(asset, "asset");
    if (!QUALITIES.contains(quality)) {
      throw new IllegalArgumentException("quality must be one of " + QUALITIES + ", was " + quality);
    }
    venues = List.copyOf(venues);
  }

  /** The values that are features, by feature name, leaving out those that could not be had (NaN). */
  public Map<String, Double> features() {
    Map<String, Double> out = new LinkedHashMap<>(8);
    putFinite(out, SPOT_MID, mid);
    putFinite(out, BASIS, basis);
    putFinite(out, BASIS_BPS, basisBps);
    putFinite(out, FUNDING_RATE, fundingRate);
    return out;
  }

  private static void putFinite(Map<String, Double> out, String name, double value) {
    if (Double.isFinite(value)) {
      out.put(name, value);
    }
  }
}
