package io.tickwire.codecs;

import java.nio.charset.StandardCharsets;

/**
 * The fast path for the commonest frame on the ingest: a v1 trade, read straight from its UTF-8 bytes with no
 * parser, no {@code String} per field and no boxing. It accepts only what it can prove the general reader
 * ({@link V1Fields}) would read to the very same {@link Trade}: a flat object of the trade's own keys, each once,
 * with plain ASCII strings, JSON-grammar numbers and canonical {@code ...Z} timestamps. Anything else (an unknown or
 * repeated key, an escape, an exponent, a bad value) returns null and goes the general way, which classifies it
 * exactly as before: the fast path never produces an error of its own.
 *
 * <p>Not thread-safe: one instance per thread (it reuses its scratch space and its name caches).
 */
final class V1TradeBytes {
  private static final int VER = 1;
  private static final int KIND = 1 << 1;
  private static final int VENUE = 1 << 2;
  private static final int SYMBOL = 1 << 3;
  private static final int TRADE_ID = 1 << 4;
  private static final int PRICE = 1 << 5;
  private static final int SIZE = 1 << 6;
  private static final int SIDE = 1 << 7;
  private static final int SRC_TS = 1 << 8;
  private static final int INGEST_TS = 1 << 9;
  private static final int SEQ = 1 << 10;
  private static final int EVENT_ID = 1 << 11;
  private static final int BACKFILL = 1 << 12;
  private static final int REQUIRED = VER | KIND | VENUE | SYMBOL | TRADE_ID | PRICE | SIZE | SIDE | SRC_TS;
  /** Longer integers may not fit in a long; the general reader decides what they are. */
  private static final int MAX_INTEGER_DIGITS = 18;

  private final AsciiSlice slice = new AsciiSlice();
  private final NameCache venues = new NameCache(Names::venueProblem, 256);
  private final NameCache symbols = new NameCache(Names::symbolProblem, 8192);

  private byte[] b;
  private int pos;
  private int end;
  private int seen;
  private int valueStart;
  private int valueEnd;

  private String venue;
  private String symbol;
  private String tradeId;
  private long price;
  private long size;
  private Side side;
  private long srcTs;
  private long ingestTs;
  private long seq;
  private long ver;
  private boolean backfill;

  /** The trade in {@code utf8[offset, offset + length)}, or null when the general reader must decide. */
  Trade read(byte[] utf8, int offset, int length) {
    b = utf8;
    pos = offset;
    end = offset + length;
    seen = 0;
    ingestTs = 0;
    seq = 0;
    backfill = false;
    try {
      return readObject() ? new Trade(venue, symbol, tradeId, price, size, side, srcTs, ingestTs, seq, backfill)
          : null;
    } catch (DecimalFormatException e) {
      return null;
    } finally {
      b = null; // the frame's buffer is the caller's: keep no reference to it
    }
  }

  private boolean readObject() {
    if (!next('{')) {
      return false;
    }
    do {
      if (!readMember()) {
        return false;
      }
    } while (next(','));
    return next('}') && atEnd() && (seen & REQUIRED) == REQUIRED;
  }

  private boolean readMember() {
    skipSpace();
    int key = key();
    if (key == 0 || (seen & key) != 0) {
      return false;
    }
    seen |= key;
    if (!next(':')) {
      return false;
    }
    skipSpace();
    return value(key);
  }

  /** The key's bit, or 0 for a key this path does not take (unknown, escaped, or not a trade's). */
  private int key() {
    if (!string()) {
      return 0;
    }
    switch (valueEnd - valueStart) {
      case 3:
        return valueIs("ver") ? VER : valueIs("seq") ? SEQ : 0;
      case 4:
        return valueIs("kind") ? KIND : valueIs("size") ? SIZE : valueIs("side") ? SIDE : 0;
      case 5:
        return valueIs("venue") ? VENUE : valueIs("price") ? PRICE : 0;
      case 6:
        return valueIs("symbol") ? SYMBOL : valueIs("src_ts") ? SRC_TS : 0;
      case 8:
        return valueIs("trade_id") ? TRADE_ID : valueIs("event_id") ? EVENT_ID : valueIs("backfill") ? BACKFILL : 0;
      case 9:
        return valueIs("ingest_ts") ? INGEST_TS : 0;
      default:
        return 0;
    }
  }

  /** Reads the key's value into its field; false when the value is not one this path can vouch for. */
  private boolean value(int key) {
    switch (key) {
      case KIND:
        return string() && valueIs("trade");
      case VENUE:
        venue = string() ? venues.name(b, valueStart, valueEnd) : null;
        return venue != null;
      case SYMBOL:
        symbol = string() ? symbols.name(b, valueStart, valueEnd) : null;
        return symbol != null;
      case TRADE_ID:
        tradeId = string() || integer() ? tradeIdValue() : null;
        return tradeId != null;
      case SIDE:
        side = string() ? sideValue() : null;
        return side != null;
      case EVENT_ID:
        return string(); // never read: the event id is always recomputed from the event
      case BACKFILL:
        return booleanValue();
      default:
        return numericValue(key);
    }
  }

  private boolean numericValue(int key) {
    switch (key) {
      case VER:
        ver = integer() ? integerValue() : -1;
        return ver == V1Decoder.VERSION;
      case SEQ:
        if (!integer()) {
          return false;
        }
        seq = integerValue();
        return true;
      case PRICE:
        if (!string() && !number()) {
          return false;
        }
        price = decimalValue();
        return true;
      case SIZE:
        if (!string() && !number()) {
          return false;
        }
        size = decimalValue();
        return true;
      case SRC_TS:
        srcTs = string() ? IsoTime.parseCanonical(b, valueStart, valueEnd) : IsoTime.NOT_CANONICAL;
        return srcTs != IsoTime.NOT_CANONICAL;
      case INGEST_TS:
        ingestTs = string() ? IsoTime.parseCanonical(b, valueStart, valueEnd) : IsoTime.NOT_CANONICAL;
        return ingestTs != IsoTime.NOT_CANONICAL;
      default:
        return false;
    }
  }

  // ---- tokens: each marks its content as b[valueStart, valueEnd) and moves pos past it ----

  /** A JSON string of printable ASCII without escapes; false (pos unmoved) at anything else. */
  private boolean string() {
    if (pos >= end || b[pos] != '"') {
      return false;
    }
    for (int i = pos + 1; i < end; i++) {
      byte c = b[i];
      if (c == '"') {
        valueStart = pos + 1;
        valueEnd = i;
        pos = i + 1;
        return true;
      }
      if (c < 0x20 || c == '\\' || c >= 0x7f) {
        return false;
      }
    }
    return false;
  }

  /** A JSON integer of at most 18 digits. */
  private boolean integer() {
    return numberToken(false) && valueEnd - valueStart - (b[valueStart] == '-' ? 1 : 0) <= MAX_INTEGER_DIGITS;
  }

  /** {@code -?(0|[1-9][0-9]*)(.[0-9]+)?}: JSON's number grammar, without the exponent this path leaves alone. */
  private boolean number() {
    return numberToken(true);
  }

  private boolean numberToken(boolean fraction) {
    int i = pos;
    if (i < end && b[i] == '-') {
      i++;
    }
    int digitsFrom = i;
    i = digits(i);
    if (i == digitsFrom || (b[digitsFrom] == '0' && i - digitsFrom > 1)) {
      return false;
    }
    if (fraction && i < end && b[i] == '.') {
      int fractionFrom = i + 1;
      i = digits(fractionFrom);
      if (i == fractionFrom) {
        return false;
      }
    }
    if (i < end && (b[i] == '.' || b[i] == 'e' || b[i] == 'E')) {
      return false;
    }
    valueStart = pos;
    valueEnd = i;
    pos = i;
    return true;
  }

  private int digits(int i) {
    while (i < end && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    return i;
  }

  /** A JSON {@code true} or {@code false} into {@link #backfill}; anything else is the general reader's to judge. */
  private boolean booleanValue() {
    if (literal("true")) {
      backfill = true;
      return true;
    }
    return literal("false");
  }

  /** The bare word {@code word}; what follows it is checked by the caller's structure ({@code ,} or end of object). */
  private boolean literal(String word) {
    int n = word.length();
    if (end - pos < n) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (b[pos + i] != word.charAt(i)) {
        return false;
      }
    }
    pos += n;
    return true;
  }

  // ---- typed values of the token just read ----

  private boolean valueIs(String ascii) {
    if (valueEnd - valueStart != ascii.length()) {
      return false;
    }
    for (int i = 0; i < ascii.length(); i++) {
      if (b[valueStart + i] != ascii.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private long integerValue() {
    boolean negative = b[valueStart] == '-';
    long value = 0;
    for (int i = negative ? valueStart + 1 : valueStart; i < valueEnd; i++) {
      value = value * 10 + (b[i] - '0');
    }
    return negative ? -value : value;
  }

  private long decimalValue() {
    return Decimals.parse(slice.of(b, valueStart, valueEnd), 0, valueEnd - valueStart);
  }

  /** An id as a string, or a JSON integer taken as its text, as the general reader takes it; null when unfit. */
  private String tradeIdValue() {
    String id = new String(b, valueStart, valueEnd - valueStart, StandardCharsets.ISO_8859_1);
    return Names.tradeIdProblem(id) == null ? id : null;
  }

  private Side sideValue() {
    return valueIs("buy") ? Side.BUY : valueIs("sell") ? Side.SELL : null;
  }

  // ---- white space and structure ----

  private boolean next(char c) {
    skipSpace();
    if (pos < end && b[pos] == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void skipSpace() {
    while (pos < end && (b[pos] == ' ' || b[pos] == '\t' || b[pos] == '\n' || b[pos] == '\r')) {
      pos++;
    }
  }

  private boolean atEnd() {
    skipSpace();
    return pos == end;
  }
}
