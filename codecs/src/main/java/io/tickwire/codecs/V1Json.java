package io.tickwire.codecs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.util.Set;

/**
 * The v1 JSON contract: one object per record, snake_case keys, {@code "ver":1}. Written and read with streaming
 * Jackson because it runs per event on ingest, replay and print paths, where a tree per event would dominate.
 *
 * <p>Reading: keys may come in any order; keys outside the contract are ignored but reported by {@link #parse};
 * every problem is a {@link V1FormatException} naming the key. Exact decimals are parsed from the number's text,
 * never through a double. Writing: see {@link V1JsonWriter}; {@link #toJson} is the one-off convenience.
 *
 * <p>Optional on read: {@code seq} (default 0, "not sequenced yet"), {@code ingest_ts} (default 0, "not set":
 * an external producer cannot know when we received its event; the writer omits it when 0), {@code event_id}
 * (always recomputed from the event, so a producer's spelling never matters), a bar's {@code end} (default
 * start + interval; checked against it when present: a calendar window of whole hours may end earlier, or up to an
 * hour later), a bar's {@code filled} (default false; written only when true), an anomaly's {@code measure} (default
 * NaN), a mark/funding update's {@code next_funding_ts} (default 0, "none named"), a trade's {@code backfill}
 * (default false, "received live"; the writer omits it when false). A JSON {@code null} in a
 * double field reads as NaN, which is how non-finite doubles are written.
 */
public final class V1Json {
  public static final int VERSION = V1Decoder.VERSION;
  /** The {@code kind} of a {@link BookSnapshot}. */
  public static final String BOOK_SNAPSHOT_KIND = "book_snapshot";
  /** The {@code kind} of a {@link SpotMid} (written only: nothing reads it back as an input). */
  public static final String SPOT_MID_KIND = "spot_mid";
  /** The {@code kind} of an {@link IvSurface} (written only). */
  public static final String IV_SURFACE_KIND = "iv_surface";

  static final JsonFactory FACTORY = new JsonFactoryBuilder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
      .build();

  private static final ThreadLocal<V1Fields> FIELDS = ThreadLocal.withInitial(V1Fields::new);
  private static final ThreadLocal<V1JsonWriter> WRITER = ThreadLocal.withInitial(V1JsonWriter::new);
  private static final ThreadLocal<V1TradeBytes> TRADES = ThreadLocal.withInitial(V1TradeBytes::new);

  /** A record read from JSON with the keys it carried that the contract does not know (schema drift). */
  public record Parsed(Object record, Set<String> unknownKeys) {
    public Parsed {
      unknownKeys = Set.copyOf(unknownKeys);
    }
  }

  /** What the caller expects to read; ANY accepts every record kind. */
  private enum Expect {
    ANY("trade, quote, book, gap, option_ticker, mark_funding, volatility_index, bar, anomaly, features, "
        + "book_snapshot or signal"),
    EVENT("trade, quote, book, gap, option_ticker, mark_funding or volatility_index"),
    BAR("bar"),
    SIGNAL("signal"),
    ANOMALY("anomaly"),
    FEATURES("features"),
    BOOK_SNAPSHOT("book_snapshot");

    final String kinds;

    Expect(String kinds) {
      this.kinds = kinds;
    }
  }

  private V1Json() {
  }

  /**
   * One record (MarketEvent, Bar, Signal, Anomaly, FeatureSnapshot, BookSnapshot, SpotMid or IvSurface) as a
   * single-line JSON object, no newline.
   */
  public static String toJson(Object record) {
    V1JsonWriter writer = WRITER.get();
    writer.reset();
    writer.write(record);
    String line = writer.toString();
    writer.reset();
    return line.substring(0, line.length() - 1);
  }

  public static Parsed parse(String json) {
    return decode(open(json), Expect.ANY);
  }

  public static Parsed parse(byte[] utf8) {
    return parse(utf8, 0, utf8.length);
  }

  public static Parsed parse(byte[] utf8, int offset, int length) {
    return decode(open(utf8, offset, length), Expect.ANY);
  }

  /** Whichever record the object is: by {@code kind}, or a signal when there is no kind but a provider. */
  public static Object read(String json) {
    return parse(json).record();
  }

  public static Object read(byte[] utf8) {
    return parse(utf8).record();
  }

  public static MarketEvent readEvent(String json) {
    return (MarketEvent) decode(open(json), Expect.EVENT).record();
  }

  public static MarketEvent readEvent(byte[] utf8) {
    return readEvent(utf8, 0, utf8.length);
  }

  /**
   * An event with the keys it carried outside the contract, so a caller can treat them as schema drift. A plain
   * trade takes the fast path ({@link V1TradeBytes}); everything else, bad frames included, the general one.
   */
  public static Parsed parseEvent(byte[] utf8, int offset, int length) {
    Trade trade = TRADES.get().read(utf8, offset, length);
    return trade != null ? new Parsed(trade, Set.of()) : parseEventGenerally(utf8, offset, length);
  }

  /** The general reader alone: what the fast path must agree with wherever it answers. */
  static Parsed parseEventGenerally(byte[] utf8, int offset, int length) {
    return decode(open(utf8, offset, length), Expect.EVENT);
  }

  public static MarketEvent readEvent(byte[] utf8, int offset, int length) {
    return (MarketEvent) parseEvent(utf8, offset, length).record();
  }

  public static Bar readBar(String json) {
    return (Bar) decode(open(json), Expect.BAR).record();
  }

  public static Bar readBar(byte[] utf8) {
    return (Bar) decode(open(utf8, 0, utf8.length), Expect.BAR).record();
  }

  public static Signal readSignal(String json) {
    return (Signal) decode(open(json), Expect.SIGNAL).record();
  }

  public static Signal readSignal(byte[] utf8) {
    return (Signal) decode(open(utf8, 0, utf8.length), Expect.SIGNAL).record();
  }

  public static Anomaly readAnomaly(String json) {
    return (Anomaly) decode(open(json), Expect.ANOMALY).record();
  }

  public static Anomaly readAnomaly(byte[] utf8) {
    return (Anomaly) decode(open(utf8, 0, utf8.length), Expect.ANOMALY).record();
  }

  public static FeatureSnapshot readFeatures(String json) {
    return (FeatureSnapshot) decode(open(json), Expect.FEATURES).record();
  }

  public static FeatureSnapshot readFeatures(byte[] utf8) {
    return (FeatureSnapshot) decode(open(utf8, 0, utf8.length), Expect.FEATURES).record();
  }

  public static BookSnapshot readBookSnapshot(String json) {
    return (BookSnapshot) decode(open(json), Expect.BOOK_SNAPSHOT).record();
  }

  private static JsonParser open(String json) {
    try {
      return FACTORY.createParser(json);
    } catch (IOException e) {
      throw V1FormatException.structural("cannot read JSON: " + e.getMessage());
    }
  }

  private static JsonParser open(byte[] utf8, int offset, int length) {
    try {
      return FACTORY.createParser(utf8, offset, length);
    } catch (IOException e) {
      throw V1FormatException.structural("cannot read JSON: " + e.getMessage());
    }
  }

  private static Parsed decode(JsonParser parser, Expect expect) {
    V1Fields fields = FIELDS.get();
    try (JsonParser p = parser) {
      fields.read(p);
    } catch (JsonProcessingException e) {
      throw malformed(e);
    } catch (IOException e) {
      throw V1FormatException.structural("cannot read JSON: " + e.getMessage());
    }
    try {
      return build(fields, expect);
    } catch (V1FormatException e) {
      throw e.from(fields.stringOrNull(V1Key.VENUE), fields.stringOrNull(V1Key.SYMBOL));
    } catch (RuntimeException e) { // a record invariant the contract checks missed; still typed for the caller
      throw V1FormatException.structural("invalid record: " + e.getMessage());
    }
  }

  private static V1FormatException malformed(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    String where = at == null ? "" : " at line " + at.getLineNr() + " column " + at.getColumnNr();
    return V1FormatException.structural("malformed JSON" + where + ": " + e.getOriginalMessage());
  }

  private static Parsed build(V1Fields f, Expect expect) {
    V1Decoder.checkVersion(f);
    String kind = V1Decoder.kind(f);
    if (kind == null) {
      if (expect == Expect.SIGNAL || (expect == Expect.ANY && f.has(V1Key.PROVIDER))) {
        return parsed(V1Decoder.signal(f), f, V1Decoder.SIGNAL_KEYS);
      }
      throw V1FormatException.missing(V1Key.KIND.json);
    }
    switch (kind) {
      case "trade":
        return parsed(V1Decoder.trade(accept(f, expect, Expect.EVENT, kind)), f, V1Decoder.TRADE_KEYS);
      case "quote":
        return parsed(V1Decoder.quote(accept(f, expect, Expect.EVENT, kind)), f, V1Decoder.QUOTE_KEYS);
      case "book":
        return parsed(V1Decoder.book(accept(f, expect, Expect.EVENT, kind)), f, V1Decoder.BOOK_KEYS);
      case "gap":
        return parsed(V1Decoder.gap(accept(f, expect, Expect.EVENT, kind)), f, V1Decoder.GAP_KEYS);
      case "option_ticker":
        return parsed(V1Decoder.optionTicker(accept(f, expect, Expect.EVENT, kind)), f,
            V1Decoder.OPTION_TICKER_KEYS);
      case "mark_funding":
        return parsed(V1Decoder.markFunding(accept(f, expect, Expect.EVENT, kind)), f, V1Decoder.MARK_FUNDING_KEYS);
      case "volatility_index":
        return parsed(V1Decoder.volatilityIndex(accept(f, expect, Expect.EVENT, kind)), f,
            V1Decoder.VOLATILITY_INDEX_KEYS);
      case "bar":
        return parsed(V1Decoder.bar(accept(f, expect, Expect.BAR, kind)), f, V1Decoder.BAR_KEYS);
      case "anomaly":
        return parsed(V1Decoder.anomaly(accept(f, expect, Expect.ANOMALY, kind)), f, V1Decoder.ANOMALY_KEYS);
      case "features":
        return parsed(V1Decoder.features(accept(f, expect, Expect.FEATURES, kind)), f, V1Decoder.FEATURE_KEYS);
      case BOOK_SNAPSHOT_KIND:
        return parsed(V1Decoder.bookSnapshot(accept(f, expect, Expect.BOOK_SNAPSHOT, kind)), f,
            V1Decoder.BOOK_SNAPSHOT_KEYS);
      case "signal":
        return parsed(V1Decoder.signal(accept(f, expect, Expect.SIGNAL, kind)), f, V1Decoder.SIGNAL_KEYS);
      default:
        throw V1FormatException.bad(V1Key.KIND.json, "expected " + expect.kinds + ", got "
            + V1Fields.describe(JsonToken.VALUE_STRING, kind));
    }
  }

  private static V1Fields accept(V1Fields f, Expect expect, Expect actual, String kind) {
    if (expect != Expect.ANY && expect != actual) {
      throw V1FormatException.bad(V1Key.KIND.json, "expected " + expect.kinds + ", got \"" + kind + "\"");
    }
    return f;
  }

  private static Parsed parsed(Object record, V1Fields f, KeyMask keys) {
    return new Parsed(record, f.unknownKeys(keys));
  }
}
