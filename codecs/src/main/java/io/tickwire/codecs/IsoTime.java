package io.tickwire.codecs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * ISO-8601 UTC timestamps with microseconds ({@code 2024-05-01T12:00:00.123456Z}) for epoch-microsecond longs.
 * Formatting is hand-rolled because it runs once per printed or archived event and {@code DateTimeFormatter}
 * allocates several objects per call.
 */
public final class IsoTime {
  private IsoTime() {
  }

  public static String format(long epochMicros) {
    StringBuilder sb = new StringBuilder(27);
    append(sb, epochMicros);
    return sb.toString();
  }

  public static StringBuilder append(StringBuilder sb, long epochMicros) {
    long seconds = Math.floorDiv(epochMicros, 1_000_000L);
    int micros = (int) Math.floorMod(epochMicros, 1_000_000L);
    long days = Math.floorDiv(seconds, 86_400L);
    int secOfDay = (int) Math.floorMod(seconds, 86_400L);
    appendDate(sb, days);
    sb.append('T');
    pad(sb, secOfDay / 3600, 2).append(':');
    pad(sb, secOfDay / 60 % 60, 2).append(':');
    pad(sb, secOfDay % 60, 2).append('.');
    pad(sb, micros, 6);
    return sb.append('Z');
  }

  /** Civil date from days since the epoch (H. Hinnant's algorithm), valid for the proleptic Gregorian calendar. */
  private static void appendDate(StringBuilder sb, long days) {
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    int day = (int) (doy - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    if (year < 0 || year > 9999) {
      // Outside 0000..9999 ISO-8601 needs a sign and more digits; rare enough to let java.time spell it.
      sb.append(LocalDate.ofEpochDay(days));
      return;
    }
    pad(sb, (int) year, 4).append('-');
    pad(sb, month, 2).append('-');
    pad(sb, day, 2);
  }

  private static StringBuilder pad(StringBuilder sb, int value, int width) {
    for (int limit = 10, w = 1; w < width; w++, limit *= 10) {
      if (value < limit) {
        sb.append('0');
      }
    }
    return sb.append(value);
  }

  /** The instant as a UTC {@link OffsetDateTime}, e.g. for a database driver's binary timestamps. */
  public static OffsetDateTime toOffsetDateTime(long epochMicros) {
    return OffsetDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L),
        Math.floorMod(epochMicros, 1_000_000L) * 1000), java.time.ZoneOffset.UTC);
  }

  /** Epoch microseconds of {@code time}; sub-microsecond digits are truncated. */
  public static long epochMicros(OffsetDateTime time) {
    return Math.addExact(Math.multiplyExact(time.toEpochSecond(), 1_000_000L), time.getNano() / 1000);
  }

  /**
   * Parses an ISO-8601 instant with a zone ({@code Z} or an offset) to epoch microseconds; sub-microsecond
   * digits are truncated. Throws {@link DateTimeParseException} for anything else.
   */
  public static long parse(CharSequence text) {
    Instant instant = text.length() > 0 && text.charAt(text.length() - 1) == 'Z'
        ? Instant.parse(text)
        : OffsetDateTime.parse(text).toInstant();
    return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1000);
  }
}
