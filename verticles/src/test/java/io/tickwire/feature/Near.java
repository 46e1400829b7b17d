package io.tickwire.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;

/** Assertions on feature values with an explicit tolerance. */
final class Near {
  /** For values computed two ways from the same doubles: a few roundings apart. */
  static final double HAND = 1e-12;

  private Near() {
  }

  /** {@code |actual - expected| <= tolerance * max(1, |expected|)}: relative, absolute near zero. */
  static void assertNear(OptionalDouble actual, double expected, double tolerance, String what) {
    assertThat(actual).as(what).isPresent();
    assertThat(actual.getAsDouble()).as(what).isCloseTo(expected,
        org.assertj.core.api.Assertions.within(tolerance * Math.max(1, Math.abs(expected))));
  }

  static void assertNear(OptionalDouble actual, double expected, String what) {
    assertNear(actual, expected, HAND, what);
  }
}
