package io.tickwire.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChaosShuffleBufferTest {
  private static List<Integer> shuffled(int n, int window, long seed) {
    ShuffleBuffer<Integer> buffer = new ShuffleBuffer<>(window, new SplittableRandom(seed));
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      buffer.offer(i, out::add);
    }
    buffer.drain(out::add);
    return out;
  }

  @Test
  void aPermutationNoItemOfWhichComesOutMoreThanWindowMinusOnePlacesEarly() {
    int window = 10;
    List<Integer> out = shuffled(5_000, window, 3);
    assertThat(out).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 5_000).boxed().toList());
    assertThat(out).isNotEqualTo(IntStream.range(0, 5_000).boxed().toList());
    for (int position = 0; position < out.size(); position++) {
      assertThat(position).as("item %d", out.get(position)).isGreaterThanOrEqualTo(out.get(position) - (window - 1));
    }
  }

  @Test
  void windowsOfZeroAndOneKeepTheOrder() {
    List<Integer> identity = IntStream.range(0, 100).boxed().toList();
    assertThat(shuffled(100, 0, 1)).isEqualTo(identity);
    assertThat(shuffled(100, 1, 1)).isEqualTo(identity);
  }

  @Test
  void shorterStreamsThanTheWindowAreStillShuffledAndComplete() {
    assertThat(shuffled(5, 50, 9)).containsExactlyInAnyOrder(0, 1, 2, 3, 4);
  }
}
