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
  /** What {@link #parseCanonical} returns for text it leaves to {@link #parse}. */
  static final long NOT_CANONICAL = Long.MIN_VALUE;
  private static final int SECONDS_END = 19;
  private static final int[] DAYS_IN_MONTH = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

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

  /**
   * The canonical form only, {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with a year from 1000 to 9999, read from ASCII
   * bytes without allocating; exactly what {@link #parse} makes of the same text. Anything else (an offset, a leap
   * second, lower case, a date that does not exist) is {@link #NOT_CANONICAL}, for {@link #parse} to judge.
   */
  static long parseCanonical(byte[] b, int from, int to) {
    int length = to - from;
    if (length < SECONDS_END + 1 || b[to - 1] != 'Z' || !separatorsAt(b, from)) {
      return NOT_CANONICAL;
    }
    int year = digits(b, from, 4);
    int month = digits(b, from + 5, 2);
    int day = digits(b, from + 8, 2);
    int hour = digits(b, from + 11, 2);
    int minute = digits(b, from + 14, 2);
    int second = digits(b, from + 17, 2);
    int micros = fractionMicros(b, from + SECONDS_END, to - 1);
    if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59 || micros < 0) {
      return NOT_CANONICAL;
    }
    long seconds = epochDay(year, month, day) * 86_400L + hour * 3600L + minute * 60L + second;
    return seconds * 1_000_000L + micros;
  }

  private static boolean separatorsAt(byte[] b, int at) {
    return b[at + 4] == '-' && b[at + 7] == '-' && b[at + 10] == 'T' && b[at + 13] == ':' && b[at + 16] == ':';
  }

  /** The value of {@code count} ASCII digits at {@code at}, or a negative number if any is not a digit. */
  private static int digits(byte[] b, int at, int count) {
    int value = 0;
    for (int i = at; i < at + count; i++) {
      int d = b[i] - '0';
      if (d < 0 || d > 9) {
        return Integer.MIN_VALUE;
      }
      value = value * 10 + d;
    }
    return value;
  }

  /** Microseconds of {@code [.digits]} in {@code b[at, to)}, digits past the sixth truncated; -1 when malformed. */
  private static int fractionMicros(byte[] b, int at, int to) {
    if (at == to) {
      return 0;
    }
    int count = to - at - 1;
    if (b[at] != '.' || count < 1 || count > 9) {
      return -1;
    }
    int value = digits(b, at + 1, count);
    if (value < 0) {
      return -1;
    }
    for (int i = count; i < 6; i++) {
      value *= 10;
    }
    for (int i = count; i > 6; i--) {
      value /= 10;
    }
    return value;
  }

  private static int daysIn(int year, int month) {
    boolean leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    return month == 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
  }

  /** Days since the epoch of a civil date (H. Hinnant's algorithm), the inverse of {@link #appendDate}. */
  private static long epochDay(int year, int month, int day) {
    int y = month <= 2 ? year - 1 : year;
    int era = y / 400;
    int yoe = y - era * 400;
    int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146_097L + doe - 719_468L;
  }
}
