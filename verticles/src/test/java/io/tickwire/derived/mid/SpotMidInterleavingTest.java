package io.tickwire.derived.mid;

import static io.tickwire.derived.mid.ThreeVenues.SECOND;
import static io.tickwire.derived.mid.ThreeVenues.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.MarketEvent;
import io.tickwire.codecs.Quote;
import io.tickwire.codecs.SpotMid;
import io.tickwire.derived.sampling.PartitionWatermarks;
import io.tickwire.router.Partitioner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The venues' quotes as the derived stage gets them from the router: each venue's partition in order, in batches
 * cut anywhere, the partitions interleaved batch by batch. Whatever the cuts, the samples are those of the quotes
 * in event-time order; and a partition the router reports idle is no longer waited for.
 */
class SpotMidInterleavingTest {
  private static final int PARTITIONS = 16;

  @Test
  void batchesOfEachPartitionInAnyInterleavingGiveTheSamplesOfTheQuotesInOrder() {
    ThreeVenues.Feed feed = ThreeVenues.feed();
    assertThat(ThreeVenues.VENUES.stream().mapToInt(v -> Partitioner.partition(v.venue(), v.symbol(), PARTITIONS))
        .distinct().count()).as("the three venues in three partitions").isEqualTo(3);
    List<SpotMid> inOrder = SpotMidEngineTest.run(feed.quotes());
    for (long seed = 1; seed <= 5; seed++) {
      assertThat(interleaved(feed.quotes(), new Random(seed))).as("cuts and interleaving of seed " + seed)
          .isEqualTo(inOrder);
    }
  }

  @Test
  void aPartitionTheRouterReportsIdleIsNoLongerWaitedFor() {
    List<Quote> untilTen = ThreeVenues.feed().quotes().stream().filter(q -> q.eventTime() < T0 + 10 * SECOND
        || q.venue().equals("fake_a")).toList();
    PartitionWatermarks marks = new PartitionWatermarks(PARTITIONS);
    SpotMidEngine engine = new SpotMidEngine(ThreeVenues.config(60_000), marks);
    List<SpotMid> out = new ArrayList<>();
    for (Quote q : untilTen) {
      marks.event(partition(q), q.eventTime());
      engine.apply(q, out);
    }
    assertThat(out.get(out.size() - 1).ts()).as("b and c said nothing after 9.9 s: waited for")
        .isEqualTo(T0 + 9 * SECOND);

    for (int p = 0; p < PARTITIONS; p++) {
      if (p != partition(untilTen.get(0))) {
        marks.idle(p);
      }
    }
    engine.drainAll(out);
    assertThat(out.get(out.size() - 1).ts()).as("a's quotes up to 29.75 s, less the lateness")
        .isEqualTo(T0 + 29 * SECOND);
    assertThat(out.get(out.size() - 1).quality()).isEqualTo(SpotMid.DEGRADED);
  }

  /** Each partition's quotes in order, cut into batches of 1 to 40, handed over one batch per partition in turn. */
  private static List<SpotMid> interleaved(List<Quote> quotes, Random random) {
    Map<Integer, ArrayDeque<Quote>> byPartition = new LinkedHashMap<>();
    for (Quote q : quotes) {
      byPartition.computeIfAbsent(partition(q), p -> new ArrayDeque<>()).add(q);
    }
    PartitionWatermarks marks = new PartitionWatermarks(PARTITIONS);
    SpotMidEngine engine = new SpotMidEngine(ThreeVenues.config(60_000), marks);
    List<SpotMid> out = new ArrayList<>();
    while (byPartition.values().stream().anyMatch(q -> !q.isEmpty())) {
      for (Map.Entry<Integer, ArrayDeque<Quote>> partition : byPartition.entrySet()) {
        int batch = 1 + random.nextInt(40);
        for (int i = 0; i < batch && !partition.getValue().isEmpty(); i++) {
          MarketEvent event = partition.getValue().poll();
          marks.event(partition.getKey(), event.eventTime());
          engine.apply(event, out);
        }
        engine.drainAll(out);
      }
    }
    return out;
  }

  private static int partition(Quote q) {
    return Partitioner.partition(q.venue(), q.symbol(), PARTITIONS);
  }
}
