package io.tickwire.connector.kraken;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.IsoTime;
import java.time.format.DateTimeParseException;

/** Kraken's timestamp spellings to epoch microseconds (UTC). */
public final class KrakenTimes {
  private static final int MICRO_DIGITS = 6;

  private KrakenTimes() {
  }

  /**
   * Websocket v1: epoch seconds as a decimal string ({@code "1618678142.557535"}). Read through {@link Decimals} so
   * no binary floating point rounds the microseconds; digits beyond the sixth decimal are truncated.
   */
  public static long epochSecondsToMicros(String text) {
    long seconds = Decimals.parse(text);
    int scale = Decimals.scale(seconds);
    long unscaled = Decimals.unscaled(seconds);
    if (unscaled < 0) {
      throw new IllegalArgumentException("negative Kraken timestamp '" + text + "'");
    }
    return scale <= MICRO_DIGITS
        ? Math.multiplyExact(unscaled, Decimals.pow10(MICRO_DIGITS - scale))
        : unscaled / Decimals.pow10(scale - MICRO_DIGITS);
  }

  /** Websocket v2: RFC 3339 ({@code "2023-09-25T07:49:37.708706Z"}); sub-microsecond digits are truncated. */
  public static long rfc3339ToMicros(String text) {
    try {
      return IsoTime.parse(text);
    } catch (DateTimeParseException | ArithmeticException e) {
      throw new IllegalArgumentException("not an RFC 3339 timestamp: '" + text + "'", e);
    }
  }
}
