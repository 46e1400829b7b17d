package io.tickwire.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private static final long SECOND = 1_000_000_000L;

  @Test
  void aBurstThenOneTokenPerIntervalNeverMoreThanTheBurst() {
    TokenBucket bucket = new TokenBucket(4, 2, 0);
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).isTrue();
    assertThat(bucket.tryTake(0)).isFalse();
    assertThat(bucket.nanosUntilToken(0)).isEqualTo(SECOND / 4);
    assertThat(bucket.tryTake(SECOND / 4 - 1)).isFalse();
    assertThat(bucket.tryTake(SECOND / 4)).isTrue();
    assertThat(bucket.nanosUntilToken(10 * SECOND)).isZero();
    assertThat(bucket.tryTake(10 * SECOND)).isTrue();
    assertThat(bucket.tryTake(10 * SECOND)).isTrue();
    assertThat(bucket.tryTake(10 * SECOND)).as("idle time does not bank more than the burst").isFalse();
  }

  @Test
  void badSettingsNameTheValue() {
    assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).hasMessageContaining("was 0.0");
    assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).hasMessageContaining("was 0");
  }
}
