package io.tickwire.redis;

import io.tickwire.codecs.Bar;

/**
 * Every Redis key and channel tickwire writes, defined once. The {@code v1} in each name is the JSON contract's
 * version, so a reader can tell what it will find and a future format can live alongside this one.
 */
public final class RedisKeys {
  public static final String PREFIX = "tw:v1:";
  /** {@code tw:v1:bar:{interval}:{venue}:{symbol}}: the latest bar of a series, as v1 bar JSON. */
  public static final String BAR_PREFIX = PREFIX + "bar:";
  /** {@code tw:v1:bars:{venue}:{symbol}}: a capped stream of 1s bars, each entry's {@link #STREAM_FIELD} v1 JSON. */
  public static final String STREAM_PREFIX = PREFIX + "bars:";
  public static final String STREAM_FIELD = "json";
  /** Pub/sub channel announcing each written bar key (small JSON: kind, interval, venue, symbol, start). */
  public static final String UPDATES_CHANNEL = PREFIX + "updates";
  /** The node's health snapshot as JSON, refreshed every second with a short expiry, so it vanishes with the node. */
  public static final String HEALTH_KEY = PREFIX + "health";

  /**
   * The keys of an older service, which other programs read: {@code md:v1:*}. Their names and value shapes are
   * that service's, kept as they were; the README's "Redis keys" section lists each with its type and expiry.
   */
  public static final String MD_PREFIX = "md:v1:";
  /** String: the newest consolidated mid of the md:v1 asset, as v1 spot_mid JSON. */
  public static final String MD_SPOT_MID = MD_PREFIX + "spot_mid";
  /** Stream: recent consolidated mids of the md:v1 asset, capped (MAXLEN ~); fields ts, mid, quality, json. */
  public static final String MD_SPOT_MID_WINDOW = MD_SPOT_MID + ":window";
  /** {@code md:v1:spot_bbo:{venue}:{symbol}}: string, a venue's newest best bid and ask as the last sample saw it. */
  public static final String MD_SPOT_BBO_PREFIX = MD_PREFIX + "spot_bbo:";
  /** {@code md:v1:iv_surface:{expiry}}: string, the newest smile of that expiry, as v1 iv_surface JSON. */
  public static final String MD_IV_SURFACE_PREFIX = MD_PREFIX + "iv_surface:";
  /** String: the node's health snapshot, like {@link #HEALTH_KEY}. */
  public static final String MD_HEALTH = MD_PREFIX + "health";
  /** Pub/sub channel announcing each md:v1 write: {@code {"key","kind","ts"}}. */
  public static final String MD_UPDATES_CHANNEL = MD_PREFIX + "updates";

  private RedisKeys() {
  }

  public static String spotBbo(String venue, String symbol) {
    return MD_SPOT_BBO_PREFIX + venue + ':' + symbol;
  }

  /** {@code expiry} in the older service's spelling, Deribit's: {@link ExpiryCode}. */
  public static String ivSurface(long expiry) {
    return MD_IV_SURFACE_PREFIX + ExpiryCode.of(expiry);
  }

  public static String bar(String interval, String venue, String symbol) {
    return BAR_PREFIX + interval + ':' + venue + ':' + symbol;
  }

  public static String bar(Bar bar) {
    return bar(bar.interval(), bar.venue(), bar.symbol());
  }

  public static String stream(String venue, String symbol) {
    return STREAM_PREFIX + venue + ':' + symbol;
  }
}
