package io.tickwire.replay;

import io.tickwire.codecs.IsoTime;
import java.util.Optional;
import java.util.Set;

/**
 * One input line and the few fields the injector and its ground truth need: the kind, the (venue, symbol) key,
 * the trade id and the event time. A line that is not a JSON object, or not a v1 event, passes through as is.
 */
final class EventLine {
  /** Event time of a line that has none that parses; such a line takes no part in order. */
  static final long NO_TIME = Long.MIN_VALUE;
  /** Market data lines: what faults may drift and the router's order detector judges (gap markers are neither). */
  private static final Set<String> EVENT_KINDS = Set.of("trade", "quote", "book", "option_ticker", "mark_funding",
      "volatility_index");
  /** The sequence-gap detector reads longer ids as not numeric (they would not fit in a long). */
  private static final int MAX_ID_DIGITS = 18;

  private final String text;
  private final LineFields fields;
  private final String kind;
  private final long eventTime;

  private EventLine(String text, LineFields fields) {
    this.text = text;
    this.fields = fields;
    this.kind = fields == null ? null : fields.scalar("kind");
    this.eventTime = fields == null ? NO_TIME : eventTime(fields.scalar("src_ts"));
  }

  static EventLine of(String text) {
    Optional<LineFields> fields = LineFields.parse(text);
    return new EventLine(text, fields.orElse(null));
  }

  private static long eventTime(String srcTs) {
    if (srcTs == null) {
      return NO_TIME;
    }
    try {
      return IsoTime.parse(srcTs);
    } catch (RuntimeException e) {
      return NO_TIME;
    }
  }

  String text() {
    return text;
  }

  /** The parsed fields; only for {@link #isEvent() events}. */
  LineFields fields() {
    return fields;
  }

  String kind() {
    return kind;
  }

  boolean isEvent() {
    return fields != null && EVENT_KINDS.contains(kind);
  }

  boolean isTrade() {
    return fields != null && "trade".equals(kind) && fields.scalar("trade_id") != null;
  }

  /** A trade whose id the sequence-gap detector reads as a number: all ASCII digits, at most 18 of them. */
  boolean hasNumericTradeId() {
    if (!isTrade()) {
      return false;
    }
    String id = tradeId();
    if (id.isEmpty() || id.length() > MAX_ID_DIGITS) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (id.charAt(i) < '0' || id.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  String tradeId() {
    return fields.scalar("trade_id");
  }

  /** The per-(venue, symbol) key the order and gap detectors keep state under. */
  String venueSymbol() {
    return fields.scalar("venue") + '\u0000' + fields.scalar("symbol");
  }

  /** The venue, "null" when absent, as {@link #venueSymbol()} spells it. */
  String venue() {
    return String.valueOf(fields.scalar("venue"));
  }

  /** The symbol, "null" when absent, as {@link #venueSymbol()} spells it. */
  String symbol() {
    return String.valueOf(fields.scalar("symbol"));
  }

  long eventTime() {
    return eventTime;
  }

  boolean hasEventTime() {
    return eventTime != NO_TIME;
  }
}
