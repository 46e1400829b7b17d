package io.tickwire.connector.deribit;

import io.tickwire.connector.ExactJson;
import java.util.Map;

/** Deribit stamps notifications with {@code timestamp}, epoch milliseconds; tickwire keeps microseconds. */
final class DeribitTimes {
  private DeribitTimes() {
  }

  static long micros(Map<String, Object> data) {
    long millis = ExactJson.integer(data, "timestamp");
    if (millis <= 0) {
      throw new IllegalArgumentException("'timestamp' " + millis + " is not a time");
    }
    return millis * 1000;
  }
}
