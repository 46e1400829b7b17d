package io.tickwire.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.IsoTime;
import org.junit.jupiter.api.Test;

/** Expiries in the spelling of Deribit's instrument names, which the md:v1:iv_surface keys use. */
class ExpiryCodeTest {
  @Test
  void dayWithoutALeadingZeroMonthInCapitalsTwoDigitYearInUtc() {
    assertThat(ExpiryCode.of(IsoTime.parse("2025-03-07T08:00:00Z"))).isEqualTo("7MAR25");
    assertThat(ExpiryCode.of(IsoTime.parse("2024-06-28T08:00:00Z"))).isEqualTo("28JUN24");
    assertThat(ExpiryCode.of(IsoTime.parse("2030-12-31T23:59:59Z"))).isEqualTo("31DEC30");
    assertThat(RedisKeys.ivSurface(IsoTime.parse("2024-09-27T08:00:00Z"))).isEqualTo("md:v1:iv_surface:27SEP24");
  }
}
