package io.tickwire.router.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MediansTest {
  @Test
  void selectionGivesTheSortedArraysMedianForOddAndEvenLengthsAndRepeatedValues() {
    SplittableRandom random = new SplittableRandom(5);
    for (int round = 0; round < 20_000; round++) {
      int n = 1 + random.nextInt(300);
      int distinct = 1 + random.nextInt(n + 1);
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] = random.nextInt(distinct) * 0.25 - distinct / 8.0;
      }
      double[] sorted = values.clone();
      Arrays.sort(sorted);
      double expected = (n & 1) == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
      assertThat(Medians.of(values, n)).as(Arrays.toString(sorted)).isEqualTo(expected);
    }
  }
}
