package io.tickwire.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Bytes come back as they went in whatever the chunk boundaries, and chunks go back as the head passes them. */
class ChunkedBytesTest {
  private static byte[] pattern(int length, int seed) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (seed * 31 + i);
    }
    return bytes;
  }

  @Test
  void chunksAreAPowerOfTwoNearAnEighthOfTheBoundWithinLimits() {
    assertThat(new ChunkedBytes(1L << 16).chunkSize()).isEqualTo(8 * 1024);
    assertThat(new ChunkedBytes(64L << 20).chunkSize()).isEqualTo(64 * 1024);
    assertThat(new ChunkedBytes(16L << 30).chunkSize()).isEqualTo(64 * 1024);
    assertThat(new ChunkedBytes(100).chunkSize()).isEqualTo(64);
    assertThat(new ChunkedBytes(Long.MAX_VALUE).chunkSize()).isEqualTo(64 * 1024);
  }

  @Test
  void runsOfAnyLengthComeBackAcrossChunkBoundariesAsTheQueueTurnsOver() {
    ChunkedBytes bytes = new ChunkedBytes(512); // 64-byte chunks
    Deque<long[]> held = new ArrayDeque<>(); // {position, length, seed}
    SplittableRandom random = new SplittableRandom(7);
    for (int seed = 0; seed < 5_000; seed++) {
      int length = random.nextInt(0, 300); // up to several chunks
      held.addLast(new long[] {bytes.tail(), length, seed});
      bytes.append(pattern(length, seed), length);
      while (bytes.tail() - bytes.head() > 2_000) {
        bytes.release((int) held.removeFirst()[1]);
      }
      for (long[] run : held) {
        byte[] copy = new byte[(int) run[1]];
        bytes.copy(run[0], copy, copy.length);
        assertThat(copy).isEqualTo(pattern((int) run[1], (int) run[2]));
      }
    }
  }

  @Test
  void chunksPassedByTheHeadGoBackAndOneIsKeptForReuse() {
    ChunkedBytes bytes = new ChunkedBytes(512);
    byte[] ten = pattern(640, 1);
    bytes.append(ten, ten.length);
    assertThat(bytes.chunksHeld()).isEqualTo(10);

    bytes.release(640);
    // Everything released: the tail was on a boundary, so no chunk is in use; one spare stays.
    assertThat(bytes.chunksHeld()).isEqualTo(1);
    bytes.append(ten, 10);
    assertThat(bytes.chunksHeld()).isEqualTo(1);
  }

  @Test
  void inSteadyStateTheSameFewChunksGoRound() {
    ChunkedBytes bytes = new ChunkedBytes(4_096); // 512-byte chunks
    byte[] record = pattern(45, 3);
    for (int i = 0; i < 100_000; i++) {
      bytes.append(record, record.length);
      if (bytes.tail() - bytes.head() > 4_096 - record.length) {
        bytes.release(record.length);
      }
      // What is held, plus the part-used chunks at either end, plus the spare.
      assertThat(bytes.chunksHeld()).isLessThanOrEqualTo(4_096 / 512 + 3);
    }
  }
}
