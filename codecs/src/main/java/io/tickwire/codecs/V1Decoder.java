package io.tickwire.codecs;

import static io.tickwire.codecs.V1Key.*;

import java.util.ArrayList;
import java.util.List;

/** Builds records from collected {@link V1Fields}: which keys each kind requires, allows and how they are typed. */
final class V1Decoder {
  static final int VERSION = 1;

  private static final KeyMask COMMON_EVENT = KeyMask.of(VER, KIND, VENUE, SYMBOL, SRC_TS, INGEST_TS, SEQ, EVENT_ID);
  static final KeyMask TRADE_KEYS = COMMON_EVENT.and(TRADE_ID, PRICE, SIZE, SIDE, BACKFILL);
  static final KeyMask QUOTE_KEYS = COMMON_EVENT.and(BID, BID_SIZE, ASK, ASK_SIZE);
  static final KeyMask BOOK_KEYS = COMMON_EVENT.and(SNAPSHOT, BIDS, ASKS);
  static final KeyMask GAP_KEYS = COMMON_EVENT.and(REASON);
  static final KeyMask OPTION_TICKER_KEYS = COMMON_EVENT.and(UNDERLYING, EXPIRY, STRIKE, OPTION_TYPE,
      MARK_PRICE, BID, BID_SIZE, ASK, ASK_SIZE, UNDERLYING_PRICE, INDEX_PRICE, MARK_IV, BID_IV, ASK_IV, DELTA, GAMMA,
      VEGA, THETA, OPEN_INTEREST);
  static final KeyMask MARK_FUNDING_KEYS = COMMON_EVENT.and(MARK_PRICE, INDEX_PRICE, EST_SETTLEMENT_PRICE,
      FUNDING_RATE, NEXT_FUNDING_TS);
  static final KeyMask VOLATILITY_INDEX_KEYS = COMMON_EVENT.and(VALUE);
  static final KeyMask BAR_KEYS = KeyMask.of(VER, KIND, VENUE, SYMBOL, INTERVAL, START, END, OPEN, HIGH, LOW, CLOSE,
      VOLUME, VWAP, TRADES, REVISION, FILLED);
  static final KeyMask SIGNAL_KEYS = KeyMask.of(VER, KIND, PROVIDER, SYMBOL, TS, NAME, VALUE, SCORE, META);
  static final KeyMask ANOMALY_KEYS = KeyMask.of(VER, KIND, VENUE, SYMBOL, TYPE, TS, DETAIL, MEASURE);
  static final KeyMask FEATURE_KEYS = KeyMask.of(VER, KIND, VENUE, SYMBOL, TS, PRICE, FEATURES);
  static final KeyMask BOOK_SNAPSHOT_KEYS = KeyMask.of(VER, KIND, VENUE, SYMBOL, TS, BIDS, ASKS, MID, SPREAD_BPS,
      IMBALANCE_5, MICROPRICE);

  private V1Decoder() {
  }

  static void checkVersion(V1Fields f) {
    long ver = f.integer(VER);
    if (ver != VERSION) {
      throw V1FormatException.bad(VER.json, "unsupported version " + ver + " (expected " + VERSION + ")");
    }
  }

  /** The kind, or null when absent (a signal). */
  static String kind(V1Fields f) {
    return f.has(KIND) ? f.string(KIND) : null;
  }

  /** {@code backfill} is optional (default false): producers that predate it send live trades without it. */
  static Trade trade(V1Fields f) {
    return new Trade(venue(f), symbol(f), tradeId(f), f.decimal(PRICE), f.decimal(SIZE),
        f.side(SIDE), f.time(SRC_TS), ingestTime(f), f.integer(SEQ, 0), f.has(BACKFILL) && f.bool(BACKFILL));
  }

  static Quote quote(V1Fields f) {
    return new Quote(venue(f), symbol(f), f.decimal(BID), f.decimal(BID_SIZE), f.decimal(ASK),
        f.decimal(ASK_SIZE), f.time(SRC_TS), ingestTime(f), f.integer(SEQ, 0));
  }

  static BookUpdate book(V1Fields f) {
    return new BookUpdate(venue(f), symbol(f), f.bool(SNAPSHOT), f.levels(), f.time(SRC_TS),
        ingestTime(f), f.integer(SEQ, 0));
  }

  static FeedGap gap(V1Fields f) {
    return new FeedGap(venue(f), symbol(f), f.string(REASON), f.time(SRC_TS), ingestTime(f),
        f.integer(SEQ, 0));
  }

  /** Implied volatilities and greeks are required but may be {@code null} (NaN): venues leave them out at times. */
  static OptionTicker optionTicker(V1Fields f) {
    OptionContract contract = new OptionContract(f.string(UNDERLYING), f.time(EXPIRY), f.decimal(STRIKE),
        f.optionType(OPTION_TYPE));
    return new OptionTicker(venue(f), symbol(f), contract, f.decimal(MARK_PRICE), f.decimal(BID),
        f.decimal(BID_SIZE), f.decimal(ASK), f.decimal(ASK_SIZE), f.decimal(UNDERLYING_PRICE), f.decimal(INDEX_PRICE),
        f.number(MARK_IV), f.number(BID_IV), f.number(ASK_IV),
        new Greeks(f.number(DELTA), f.number(GAMMA), f.number(VEGA), f.number(THETA)), f.decimal(OPEN_INTEREST),
        f.time(SRC_TS), ingestTime(f), f.integer(SEQ, 0));
  }

  /** {@code next_funding_ts} is optional: a venue that funds continuously names no next time (0). */
  static MarkFunding markFunding(V1Fields f) {
    return new MarkFunding(venue(f), symbol(f), f.decimal(MARK_PRICE), f.decimal(INDEX_PRICE),
        f.decimal(EST_SETTLEMENT_PRICE), f.decimal(FUNDING_RATE), f.time(NEXT_FUNDING_TS, 0L), f.time(SRC_TS),
        ingestTime(f), f.integer(SEQ, 0));
  }

  static VolatilityIndex volatilityIndex(V1Fields f) {
    return new VolatilityIndex(venue(f), symbol(f), f.decimal(VALUE), f.time(SRC_TS), ingestTime(f),
        f.integer(SEQ, 0));
  }

  /** A market event's names are checked where they enter ({@link Names}); a bad one is a bad value. */
  private static String venue(V1Fields f) {
    return checked(VENUE, f.string(VENUE), Names.venueProblem(f.string(VENUE)));
  }

  private static String symbol(V1Fields f) {
    return checked(SYMBOL, f.string(SYMBOL), Names.symbolProblem(f.string(SYMBOL)));
  }

  private static String tradeId(V1Fields f) {
    String id = f.identifier(TRADE_ID);
    return checked(TRADE_ID, id, Names.tradeIdProblem(id));
  }

  private static String checked(V1Key key, String value, String problem) {
    if (problem != null) {
      throw V1FormatException.bad(key.json, problem);
    }
    return value;
  }

  /** 0 means "not set": producers outside tickwire may not know when we received their event. */
  private static long ingestTime(V1Fields f) {
    return f.time(INGEST_TS, 0L);
  }

  static Bar bar(V1Fields f) {
    long intervalMillis = f.intervalMillis(INTERVAL);
    long start = f.time(START);
    long nominalEnd = start + intervalMillis * 1000L;
    long end = f.has(END) ? f.time(END) : nominalEnd;
    // Only calendar windows (whole hours) may differ from start + interval: a day's last window ends early at the
    // next day's start, and a day across a daylight-saving change lasts an hour longer. Any other disagreement is a
    // producer's bug worth surfacing.
    boolean calendar = intervalMillis % 3_600_000L == 0;
    boolean ok = calendar ? end > start && end <= nominalEnd + 3_600_000_000L : end == nominalEnd;
    if (!ok) {
      throw V1FormatException.bad(END.json, "expected start + interval = " + IsoTime.format(nominalEnd)
          + (calendar ? " (or, for a calendar window, after start and at most an hour past that)" : "")
          + ", got \"" + f.string(END) + "\"");
    }
    boolean filled = f.has(FILLED) && f.bool(FILLED);
    return new Bar(f.string(VENUE), f.string(SYMBOL), intervalMillis, start, f.number(OPEN), f.number(HIGH),
        f.number(LOW), f.number(CLOSE), f.number(VOLUME), f.number(VWAP), f.integer(TRADES), f.smallInt(REVISION),
        end, filled);
  }

  static Signal signal(V1Fields f) {
    return new Signal(f.string(PROVIDER), f.string(SYMBOL), f.time(TS), f.string(NAME), f.number(VALUE),
        f.number(SCORE), f.meta());
  }

  static Anomaly anomaly(V1Fields f) {
    double measure = f.has(MEASURE) ? f.number(MEASURE) : Double.NaN;
    return new Anomaly(f.string(VENUE), f.string(SYMBOL), f.string(TYPE), f.time(TS), f.string(DETAIL), measure);
  }

  static FeatureSnapshot features(V1Fields f) {
    return new FeatureSnapshot(f.string(VENUE), f.string(SYMBOL), f.time(TS), f.number(PRICE), f.features());
  }

  /** Both sides are required here (an empty side is {@code []}): a snapshot is the whole top of the book. */
  static BookSnapshot bookSnapshot(V1Fields f) {
    f.requireLevels(BIDS);
    f.requireLevels(ASKS);
    List<BookLevel> levels = f.levels();
    return new BookSnapshot(f.string(VENUE), f.string(SYMBOL), f.time(TS), onSide(levels, Side.BUY),
        onSide(levels, Side.SELL), f.number(MID), f.number(SPREAD_BPS), f.number(IMBALANCE_5), f.number(MICROPRICE));
  }

  private static List<BookLevel> onSide(List<BookLevel> levels, Side side) {
    List<BookLevel> out = new ArrayList<>(levels.size());
    for (BookLevel level : levels) {
      if (level.side() == side) {
        out.add(level);
      }
    }
    return out;
  }
}
