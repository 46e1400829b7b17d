package io.tickwire.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A compute node's share of the partitions: ceil(P / N), what it gives up, the order it tries locks in. */
class PartitionShareTest {
  @Test
  void eachNodeAimsAtTheCeilingOfPartitionsOverLiveComputeNodes() {
    assertThat(PartitionShare.target(16, 1)).isEqualTo(16);
    assertThat(PartitionShare.target(16, 2)).isEqualTo(8);
    assertThat(PartitionShare.target(16, 3)).isEqualTo(6);
    assertThat(PartitionShare.target(16, 5)).isEqualTo(4);
    assertThat(PartitionShare.target(16, 16)).isEqualTo(1);
    assertThat(PartitionShare.target(16, 20)).isEqualTo(1);
    assertThat(PartitionShare.target(16, 0)).as("this node counts even before it shows up").isEqualTo(16);
  }

  @Test
  void releasesTheHighestNumberedPartitionsOverTheTarget() {
    assertThat(PartitionShare.extra(Set.of(0, 3, 5, 9, 12), 3)).containsExactly(12, 9);
    assertThat(PartitionShare.extra(Set.of(0, 3), 3)).isEmpty();
  }

  @Test
  void triesThePartitionsItDoesNotOwnFromItsOffsetAround() {
    assertThat(PartitionShare.candidates(Set.of(6, 0), 8, 5)).containsExactly(5, 7, 1, 2, 3, 4);
    assertThat(PartitionShare.candidates(Set.of(), 4, -3)).containsExactly(1, 2, 3, 0);
  }
}
