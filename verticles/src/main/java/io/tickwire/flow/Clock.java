package io.tickwire.flow;

import java.time.Instant;

/** The wall clock in epoch microseconds. */
public final class Clock {
  private Clock() {
  }

  public static long nowMicros() {
    Instant now = Instant.now();
    return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
  }
}
