package io.tickwire.connector.deribit;

import io.tickwire.codecs.Decimals;
import io.tickwire.codecs.OptionType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a Deribit instrument name says: {@code BTC-24SEP21-8000-P} (an option: currency, expiry, strike, put or
 * call), {@code BTC-24SEP21} (a dated future), {@code BTC-PERPETUAL} or {@code SOL_USDC-PERPETUAL} (a perpetual).
 * Deribit's expiries are at 08:00 UTC on the named day; a strike's {@code d} is its decimal point
 * ({@code XRP_USDC-30AUG24-0d625-C}). Read from the name alone, so a replay learns the same contract as the live
 * connector, which also has {@code public/get_instruments}.
 *
 * @param currency the name's first part ({@code BTC}, {@code SOL_USDC})
 * @param expiry epoch microseconds; 0 for a perpetual
 * @param strike packed decimal; 0 unless an option
 * @param optionType null unless an option
 */
public record DeribitInstrument(String name, Kind kind, String currency, long expiry, long strike,
    OptionType optionType) {
  public enum Kind { OPTION, FUTURE, PERPETUAL }

  private static final Pattern OPTION = Pattern.compile("([A-Z0-9_]+)-(\\d{1,2}[A-Z]{3}\\d{2})-([0-9]+(?:d[0-9]+)?)-([CP])");
  private static final Pattern FUTURE = Pattern.compile("([A-Z0-9_]+)-(\\d{1,2}[A-Z]{3}\\d{2})");
  private static final Pattern PERPETUAL = Pattern.compile("([A-Z0-9_]+)-PERPETUAL");
  /**
   * Deribit spells months in capitals ({@code 24SEP21}); java.time's short month names are title case. Strict, so
   * {@code 30FEB21} is refused rather than taken for the 28th.
   */
  private static final DateTimeFormatter EXPIRY = new DateTimeFormatterBuilder().parseCaseInsensitive()
      .appendPattern("dMMMuu").toFormatter(Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
  private static final int EXPIRY_HOUR_UTC = 8;

  /** The instrument {@code name} names, or an {@link IllegalArgumentException} saying why it names none. */
  public static DeribitInstrument parse(String name) {
    Matcher m = OPTION.matcher(name);
    if (m.matches()) {
      OptionType type = m.group(4).equals("C") ? OptionType.CALL : OptionType.PUT;
      return new DeribitInstrument(name, Kind.OPTION, m.group(1), expiry(name, m.group(2)),
          Decimals.parse(m.group(3).replace('d', '.')), type);
    }
    m = PERPETUAL.matcher(name);
    if (m.matches()) {
      return new DeribitInstrument(name, Kind.PERPETUAL, m.group(1), 0, 0, null);
    }
    m = FUTURE.matcher(name);
    if (m.matches()) {
      return new DeribitInstrument(name, Kind.FUTURE, m.group(1), expiry(name, m.group(2)), 0, null);
    }
    throw new IllegalArgumentException("'" + name + "' is not a Deribit option, future or perpetual name");
  }

  /** The currency the instrument is priced in terms of: {@code SOL} for {@code SOL_USDC}. */
  public String baseCurrency() {
    int underscore = currency.indexOf('_');
    return underscore < 0 ? currency : currency.substring(0, underscore);
  }

  private static long expiry(String name, String date) {
    try {
      LocalDate day = LocalDate.parse(date, EXPIRY);
      return day.atTime(EXPIRY_HOUR_UTC, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + name + "' has no valid expiry date '" + date + "'", e);
    }
  }
}
