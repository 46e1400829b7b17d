package io.tickwire.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Trade;
import io.tickwire.config.Role;
import io.tickwire.config.Settings;
import io.tickwire.connector.SyntheticFeed;
import io.tickwire.router.Partitioner;
import io.tickwire.router.RouterVerticle;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.tickwire.testing.BarAssertions;
import io.tickwire.testing.PrintedOutput;
import io.tickwire.testing.ReferenceBars;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The deployed single-node pipeline, end to end, with a finite seeded synthetic stream. */
@ExtendWith(VertxExtension.class)
class SingleNodePipelineTest {
  private static final int COUNT = 30_000;

  @Test
  void emitsExactlyTheBarsTheTradesImply(Vertx vertx) {
    Settings settings = Pipelines.settings(vertx, Pipelines.concat(TestDatabase.fresh().settings(),
        "synthetic.count=" + COUNT, "synthetic.rate=max", "synthetic.seed=5", "synthetic.jitter_ms=200",
        "synthetic.start_time=2024-05-01T00:00:00Z", "synthetic.symbols=[BTC-USD,ETH-USD,SOL-USD,DOGE-USD]"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    Node node = Node.local(vertx, settings, EnumSet.of(Role.INGEST, Role.COMPUTE))
        .print(List.of("md.ticks", "md.bars"), printed).build();

    Await.result(node.start());
    Await.result(node.sourcesFinished());
    RouterVerticle router = (RouterVerticle) node.stages().stream()
        .filter(RouterVerticle.class::isInstance).findFirst().orElseThrow();
    Await.result(node.stop());

    PrintedOutput out = PrintedOutput.parse(printed.toString(StandardCharsets.UTF_8));
    assertThat(router.deadLetters().total()).isZero();
    assertThat(out.trades()).as("every generated trade reaches the batchers, once")
        .hasSize(COUNT)
        .extracting(t -> t.symbol() + "/" + t.tradeId()).doesNotHaveDuplicates();
    assertSameTradesAsTheFeed(settings, out.trades());
    assertSequencedPerPartition(out.trades(), settings.pipeline().partitions());

    assertThat(out.bars()).as("within-lateness jitter: no revisions")
        .allSatisfy(bar -> assertThat(bar.revision()).isZero());
    BarAssertions.assertMatches(BarAssertions.latestRevisions(out.bars()),
        ReferenceBars.compute(out.trades(), settings.batcher().intervalsMillis()));
    assertThat(out.bars()).as("one emission per window").hasSize(
        ReferenceBars.compute(out.trades(), settings.batcher().intervalsMillis()).size());
  }

  /** The same seed regenerates the same trades: nothing was lost, altered or invented on the way. */
  private static void assertSameTradesAsTheFeed(Settings settings, List<Trade> printed) {
    SyntheticFeed feed = new SyntheticFeed(settings.synthetic(), settings.synthetic().startTime());
    Map<String, Trade> byId = new HashMap<>();
    for (Trade t : printed) {
      byId.put(t.symbol() + "/" + t.tradeId(), t);
    }
    for (int i = 0; i < COUNT; i++) {
      Trade expected = feed.next(0);
      Trade actual = byId.get(expected.symbol() + "/" + expected.tradeId());
      assertThat(actual).as("trade " + expected.tradeId()).isNotNull();
      assertThat(actual.withSeq(0)).usingRecursiveComparison().ignoringFields("ingestTime").isEqualTo(expected);
    }
  }

  private static void assertSequencedPerPartition(List<Trade> trades, int partitions) {
    Map<Integer, List<Long>> seqs = new HashMap<>();
    for (Trade t : trades) {
      seqs.computeIfAbsent(Partitioner.partition(t.venue(), t.symbol(), partitions), p -> new ArrayList<>())
          .add(t.seq());
    }
    seqs.forEach((p, list) -> {
      List<Long> expected = new ArrayList<>();
      for (long s = 1; s <= list.size(); s++) {
        expected.add(s);
      }
      assertThat(list).as("partition " + p + " seq is 1..n in print order").isEqualTo(expected);
    });
  }
}
