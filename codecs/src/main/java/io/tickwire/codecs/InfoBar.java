package io.tickwire.codecs;

import java.util.Locale;
import java.util.Objects;

/**
 * An information-driven bar: a symbol's trades in event-time order (ties by trade id, as for time bars) cut every
 * {@code threshold} trades ({@link Kind#TICK}), units of volume ({@link Kind#VOLUME}) or units of notional, price
 * times size ({@link Kind#DOLLAR}). The trade that reaches the threshold closes the bar and belongs to it; the next
 * bar starts from zero. {@code start} and {@code end} are the event times of its first and last trade, so unlike a
 * time bar's, the end is inclusive. {@code firstTradeId} is the id of its first trade: with the start it identifies
 * the bar in its series, since several bars may share a start (many trades in one microsecond).
 */
public record InfoBar(
    String venue,
    String symbol,
    Kind kind,
    double threshold,
    long start,
    long end,
    double open,
    double high,
    double low,
    double close,
    double volume,
    double notional,
    long trades,
    String firstTradeId) {

  /** What a bar gives the features of each snapshot it makes: {@code <kind>_bar_<field>}. */
  public static final java.util.List<String> FEATURE_FIELDS =
      java.util.List.of("open", "high", "low", "close", "volume", "notional", "trades", "return", "seconds");

  /** Every feature name an information bar's snapshot may carry, e.g. {@code volume_bar_close}. */
  public static final java.util.List<String> FEATURE_NAMES = java.util.Arrays.stream(Kind.values())
      .flatMap(kind -> FEATURE_FIELDS.stream().map(field -> kind.label() + "_bar_" + field)).toList();

  /** What a bar counts to its threshold. */
  public enum Kind {
    TICK, VOLUME, DOLLAR;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** {@code tick}, {@code volume} or {@code dollar}; throws naming the text otherwise. */
    public static Kind parse(String text) {
      for (Kind kind : values()) {
        if (kind.label().equals(text)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("bad bar kind '" + text + "'; expected tick, volume or dollar");
    }
  }

  public InfoBar {
    Objects.requireNonNull(venue, "venue");
    Objects.requireNonNull(symbol, "symbol");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(firstTradeId, "firstTradeId");
    if (!(threshold > 0) || end < start || trades <= 0) {
      throw new IllegalArgumentException("an information bar needs a positive threshold, start <= end and trades, got "
          + threshold + ", " + start + ".." + end + ", " + trades + " trades");
    }
  }

  /** The series name: kind and threshold, e.g. {@code volume:5} or {@code tick:100}. */
  public String series() {
    return kind.label() + ":" + Thresholds.label(threshold);
  }

  /** Threshold spellings: whole numbers without a decimal point, others as Java writes the double. */
  public static final class Thresholds {
    private Thresholds() {
    }

    public static String label(double threshold) {
      return threshold == Math.rint(threshold) && Math.abs(threshold) < 1e15
          ? Long.toString((long) threshold) : Double.toString(threshold);
    }
  }
}
