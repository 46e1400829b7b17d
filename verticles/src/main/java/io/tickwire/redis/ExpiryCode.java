package io.tickwire.redis;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * An expiry as desks and Deribit's instrument names spell it: day of month without a leading zero, month in three
 * capitals, two-digit year ({@code 7MAR25}, {@code 27JUN25}), in UTC. The {@code md:v1:iv_surface:{expiry}} keys use
 * it, so a reader builds a key from the instrument names it already knows.
 */
final class ExpiryCode {
  private ExpiryCode() {
  }

  static String of(long epochMicros) {
    ZonedDateTime day = Instant.ofEpochSecond(Math.floorDiv(epochMicros, 1_000_000L)).atZone(ZoneOffset.UTC);
    String month = day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
        .toUpperCase(Locale.ROOT);
    return day.getDayOfMonth() + month + String.format(Locale.ROOT, "%02d", day.getYear() % 100);
  }
}
