package io.tickwire.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.Bar;
import io.tickwire.codecs.Codecs;
import io.tickwire.config.Role;
import io.tickwire.config.Settings;
import io.tickwire.testing.Await;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.tickwire.testing.PrintedOutput;
import io.tickwire.testing.ReferenceBars;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class NodeLifecycleTest {
  private static Settings settings(Vertx vertx, String... sets) {
    Codecs.register(vertx);
    return Pipelines.settings(vertx, Pipelines.concat(TestDatabase.fresh().settings(), sets));
  }

  @Test
  void idleSourceLetsTheBatcherCloseWindowsByTheWallClock(Vertx vertx) {
    Settings settings = settings(vertx, "synthetic.count=1500", "synthetic.rate=1000",
        "batcher.idle_timeout_ms=200", "batcher.intervals=[1s]");
    Pipelines.Capture printed = new Pipelines.Capture();
    Node node = Node.local(vertx, settings, EnumSet.of(Role.INGEST, Role.COMPUTE))
        .print(List.of("md.ticks", "md.bars"), printed).build();
    Await.result(node.start());
    Await.result(node.sourcesFinished());

    // No more events will come; only the idle heartbeat can close the last windows before the node stops.
    Await.until(() -> {
      PrintedOutput out = PrintedOutput.parse(printed.text());
      return keys(out.bars()).equals(ReferenceBars.compute(out.trades(), 1_000).keySet());
    }, Duration.ofSeconds(15), "every window, including the last, to close while the node still runs");
    Await.result(node.stop());

    PrintedOutput out = PrintedOutput.parse(printed.text());
    assertThat(out.bars()).as("each window closed once, no flush duplicates")
        .hasSize(ReferenceBars.compute(out.trades(), 1_000).size());
  }

  private static Set<String> keys(List<Bar> bars) {
    return bars.stream().map(io.tickwire.testing.BarAssertions::key).collect(Collectors.toSet());
  }

  @Test
  void closedOutputAsksTheNodeToStopInsteadOfHanging(Vertx vertx) {
    Settings settings = settings(vertx, "synthetic.rate=max");
    OutputStream broken = new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        throw new IOException("Broken pipe");
      }
    };
    Node node = Node.local(vertx, settings, EnumSet.of(Role.INGEST, Role.COMPUTE))
        .print(List.of("md.ticks"), broken).build();
    Await.result(node.start());

    assertThat(Await.result(node.stopRequested(), Duration.ofSeconds(10))).contains("Broken pipe");
    Await.result(node.stop(), Duration.ofSeconds(30));
  }
}
