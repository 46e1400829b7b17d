package io.tickwire.router.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecentFingerprintsTest {
  @Test
  void remembersExactlyTheLastCapacityAddedLikeAQueueBackedSet() {
    // Few distinct values in a small table: long probe runs, many removals from their middle.
    SplittableRandom random = new SplittableRandom(7);
    for (int capacity : new int[] {1, 2, 3, 17, 100}) {
      RecentFingerprints fingerprints = new RecentFingerprints(capacity);
      ArrayDeque<Long> order = new ArrayDeque<>();
      Set<Long> members = new HashSet<>();
      for (int i = 0; i < 50_000; i++) {
        long fp = random.nextInt(capacity * 3) * 0x10000L; // same low bits: every value collides on its home slot
        boolean fresh = !members.contains(fp);
        assertThat(fingerprints.add(fp)).as("add #%d of %d (capacity %d)", i, fp, capacity).isEqualTo(fresh);
        if (fresh) {
          order.add(fp);
          members.add(fp);
          if (order.size() > capacity) {
            members.remove(order.poll());
          }
        }
        assertThat(fingerprints.size()).isEqualTo(order.size());
      }
    }
  }

  @Test
  void zeroIsAFingerprintLikeAnyOther() {
    RecentFingerprints fingerprints = new RecentFingerprints(4);
    assertThat(fingerprints.add(0)).isTrue();
    assertThat(fingerprints.add(0)).isFalse();
  }

  @Test
  void fingerprintsTellSymbolAndIdApart() {
    assertThat(DuplicateDetector.fingerprint("AB", "C")).isNotEqualTo(DuplicateDetector.fingerprint("A", "BC"));
    assertThat(DuplicateDetector.fingerprint("BTC-USD", "1")).isEqualTo(DuplicateDetector.fingerprint("BTC-USD", "1"));
    Set<Long> seen = new HashSet<>();
    for (int i = 0; i < 1_000_000; i++) {
      seen.add(DuplicateDetector.fingerprint("BTC-USD", Integer.toString(i)));
    }
    assertThat(seen).hasSize(1_000_000);
  }
}
