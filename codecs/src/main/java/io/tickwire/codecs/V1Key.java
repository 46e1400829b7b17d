package io.tickwire.codecs;

import java.util.HashMap;
import java.util.Map;

/** Every key the v1 JSON contract knows, across all record kinds, with the shape its value must have. */
enum V1Key {
  VER("ver"), KIND("kind"), VENUE("venue"), SYMBOL("symbol"), TRADE_ID("trade_id"), PRICE("price"),
  SIZE("size"), SIDE("side"), SRC_TS("src_ts"), INGEST_TS("ingest_ts"), SEQ("seq"), EVENT_ID("event_id"),
  BID("bid"), BID_SIZE("bid_size"), ASK("ask"), ASK_SIZE("ask_size"), SNAPSHOT("snapshot"),
  BIDS("bids", Shape.LEVELS), ASKS("asks", Shape.LEVELS), INTERVAL("interval"), START("start"), END("end"),
  OPEN("open"), HIGH("high"), LOW("low"), CLOSE("close"), VOLUME("volume"), VWAP("vwap"), TRADES("trades"),
  REVISION("revision"), PROVIDER("provider"), TS("ts"), NAME("name"), VALUE("value"), SCORE("score"),
  META("meta", Shape.STRING_MAP), TYPE("type"), DETAIL("detail"), MEASURE("measure"),
  FEATURES("features", Shape.NUMBER_MAP), REASON("reason"), MID(BookSnapshot.MID),
  SPREAD_BPS(BookSnapshot.SPREAD_BPS), IMBALANCE_5(BookSnapshot.IMBALANCE_5), MICROPRICE(BookSnapshot.MICROPRICE),
  UNDERLYING("underlying"), EXPIRY("expiry"), STRIKE("strike"), OPTION_TYPE("option_type"),
  MARK_PRICE("mark_price"), UNDERLYING_PRICE("underlying_price"), INDEX_PRICE("index_price"), MARK_IV("mark_iv"),
  BID_IV("bid_iv"), ASK_IV("ask_iv"), DELTA("delta"), GAMMA("gamma"), VEGA("vega"), THETA("theta"),
  OPEN_INTEREST("open_interest"), EST_SETTLEMENT_PRICE("est_settlement_price"), FUNDING_RATE("funding_rate"),
  NEXT_FUNDING_TS("next_funding_ts"), FILLED("filled"), BACKFILL("backfill");

  /** How the reader collects a value: scalars are kept as text and typed later, once the kind is known. */
  enum Shape { SCALAR, LEVELS, STRING_MAP, NUMBER_MAP }

  private static final Map<String, V1Key> BY_NAME = new HashMap<>();

  static {
    // Key sets are bit masks in two longs (KeyMask): a 129th key needs a wider mask first, or keys would alias.
    if (values().length > KeyMask.CAPACITY) {
      throw new IllegalStateException(
          values().length + " v1 keys do not fit the " + KeyMask.CAPACITY + "-bit key masks");
    }
    for (V1Key key : values()) {
      BY_NAME.put(key.json, key);
    }
  }

  final String json;
  final Shape shape;

  V1Key(String json) {
    this(json, Shape.SCALAR);
  }

  V1Key(String json, Shape shape) {
    this.json = json;
    this.shape = shape;
  }

  /** Which of a {@link KeyMask}'s two words holds this key's bit. */
  int word() {
    return ordinal() >>> 6;
  }

  /** This key's bit within its word. */
  long bit() {
    return 1L << (ordinal() & 63);
  }

  static V1Key byName(String name) {
    return BY_NAME.get(name);
  }
}
