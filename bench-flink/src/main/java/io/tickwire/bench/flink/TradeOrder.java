package io.tickwire.bench.flink;

/**
 * Which of two trades comes first in a bar: the earlier event time, and at the same microsecond the smaller trade
 * id, numerically when both are numbers. The same rule as tickwire's bars, so the open and close of a bar do not
 * depend on arrival order and the two systems agree on them.
 */
final class TradeOrder {
  private TradeOrder() {
  }

  static boolean before(long time, String id, long otherTime, String otherId) {
    return time != otherTime ? time < otherTime : compareIds(id, otherId) < 0;
  }

  /** Numeric ids compare as numbers (the shorter is smaller), anything else as text. */
  static int compareIds(String a, String b) {
    if (a.length() != b.length() && isDigits(a) && isDigits(b)) {
      return Integer.compare(a.length(), b.length());
    }
    return a.compareTo(b);
  }

  private static boolean isDigits(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }
}
