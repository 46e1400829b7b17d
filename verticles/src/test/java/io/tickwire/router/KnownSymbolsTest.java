package io.tickwire.router;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KnownSymbolsTest {
  private static final long IDLE_MS = 1_000;

  @Test
  void refusesANewKeyPastTheCapWhileKnownKeysKeepPassing() {
    KnownSymbols symbols = new KnownSymbols(2, IDLE_MS);
    assertThat(symbols.admit("v", "A", 0)).isNotNull();
    assertThat(symbols.admit("v", "B", 0)).isNotNull();

    assertThat(symbols.admit("v", "C", 10)).as("new past the cap").isNull();
    assertThat(symbols.admit("w", "A", 10)).as("the same symbol on another venue is another key").isNull();
    assertThat(symbols.admit("v", "A", 20)).isNotNull();
    assertThat(symbols.admit("v", "B", 20)).isNotNull();
    assertThat(symbols.size()).isEqualTo(2);
    assertThat(symbols.evicted()).isZero();
  }

  @Test
  void aKeyIdleForLongerThanTheIdleTimeMakesRoomForANewOne() {
    KnownSymbols symbols = new KnownSymbols(2, IDLE_MS);
    symbols.admit("v", "A", 0);
    symbols.admit("v", "B", 0);
    symbols.admit("v", "B", 900); // B stays live

    assertThat(symbols.admit("v", "C", IDLE_MS)).as("A idle exactly the idle time is not idle yet").isNull();
    assertThat(symbols.admit("v", "C", IDLE_MS + 1)).as("A idle longer: forgotten, C takes its place").isNotNull();
    assertThat(symbols.evicted()).isEqualTo(1);
    assertThat(symbols.admit("v", "A", IDLE_MS + 2)).as("A again is new, and the cap is full").isNull();
    assertThat(symbols.admit("v", "B", IDLE_MS + 2)).isNotNull();
    assertThat(symbols.size()).isEqualTo(2);
  }

  @Test
  void staysAtItsCapUnderAFloodOfNewKeys() {
    KnownSymbols symbols = new KnownSymbols(100, IDLE_MS);
    int admitted = 0;
    for (int i = 0; i < 100_000; i++) {
      long now = i / 10; // wall millis advance, so idle keys keep making room
      if (symbols.admit("v", "S" + i, now) != null) {
        admitted++;
      }
      assertThat(symbols.admit("v", "LIVE", now)).isNotNull();
      assertThat(symbols.size()).isLessThanOrEqualTo(100);
    }
    assertThat(admitted).as("some newcomers admitted as idle ones are forgotten").isPositive();
    assertThat(symbols.evicted()).isEqualTo(admitted - (symbols.size() - 1));
  }
}
