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

  private RedisKeys() {
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
