package io.tickwire.codecs;

/** Window interval spellings: {@code 250ms}, {@code 1s}, {@code 10s}, {@code 1m}, {@code 5m}, {@code 1h}, {@code 1d}. */
public final class Intervals {
  private Intervals() {
  }

  /** The shortest exact spelling of an interval in milliseconds. */
  public static String label(long millis) {
    if (millis % 86_400_000L == 0) {
      return millis / 86_400_000L + "d";
    }
    if (millis % 3_600_000L == 0) {
      return millis / 3_600_000L + "h";
    }
    if (millis % 60_000L == 0) {
      return millis / 60_000L + "m";
    }
    if (millis % 1000L == 0) {
      return millis / 1000L + "s";
    }
    return millis + "ms";
  }

  /** Parses a spelling made by {@link #label(long)}; throws naming the text when it is not one. */
  public static long parse(String text) {
    if (text == null || text.isEmpty()) {
      throw new IllegalArgumentException("empty interval; expected a number and a unit such as 1s, 10s, 1m");
    }
    int unitAt = 0;
    while (unitAt < text.length() && Character.isDigit(text.charAt(unitAt))) {
      unitAt++;
    }
    if (unitAt == 0 || unitAt > 12) {
      throw new IllegalArgumentException("bad interval '" + text + "'; expected a number and a unit such as 1s, 10s, 1m");
    }
    long n = Long.parseLong(text.substring(0, unitAt));
    long unit = switch (text.substring(unitAt)) {
      case "ms" -> 1L;
      case "s" -> 1000L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      case "d" -> 86_400_000L;
      default -> throw new IllegalArgumentException(
          "bad interval unit in '" + text + "'; expected one of ms, s, m, h, d");
    };
    if (n <= 0) {
      throw new IllegalArgumentException("interval '" + text + "' must be positive");
    }
    if (n > Long.MAX_VALUE / unit) {
      throw new IllegalArgumentException("interval '" + text + "' is too large");
    }
    return n * unit;
  }
}
