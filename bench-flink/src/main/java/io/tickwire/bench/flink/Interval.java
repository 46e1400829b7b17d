package io.tickwire.bench.flink;

/** Interval spellings as tickwire writes them in a bar: {@code 1s}, {@code 10s}, {@code 1m}, {@code 250ms}, {@code 1h}. */
final class Interval {
  private Interval() {
  }

  static String label(long millis) {
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

  static long parse(String text) {
    int unitAt = 0;
    while (unitAt < text.length() && Character.isDigit(text.charAt(unitAt))) {
      unitAt++;
    }
    if (unitAt == 0) {
      throw new IllegalArgumentException("bad interval '" + text + "'; expected e.g. 500ms, 1s, 1m");
    }
    long n = Long.parseLong(text.substring(0, unitAt));
    return switch (text.substring(unitAt)) {
      case "ms" -> n;
      case "s" -> n * 1000L;
      case "m" -> n * 60_000L;
      case "h" -> n * 3_600_000L;
      case "d" -> n * 86_400_000L;
      default -> throw new IllegalArgumentException("bad interval unit in '" + text + "'; expected ms, s, m, h or d");
    };
  }
}
