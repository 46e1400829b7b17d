package io.tickwire.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.testing.Await;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Vert.x's event-bus meters land in the node's own registry, labelled by tickwire address only: reply addresses
 * never appear and any other address is {@code other}; two nodes in one JVM keep their meters apart.
 */
class VertxMetersTest {
  private Vertx a;
  private Vertx b;

  @AfterEach
  void close() {
    for (Vertx vertx : new Vertx[] {a, b}) {
      if (vertx != null) {
        Await.result(vertx.close());
      }
    }
  }

  @Test
  void eventBusMetersAreLabelledByTickwireAddressOnly() {
    Metrics metrics = new Metrics();
    a = VertxMeters.vertx(metrics);
    EventBus bus = a.eventBus();
    Await.result(bus.consumer("md.ticks.3#batcher", m -> m.reply("ok")).completion());
    Await.result(bus.consumer("scratch.7f3a9c", m -> m.reply("ok")).completion());
    for (int i = 0; i < 3; i++) {
      Await.result(bus.request("md.ticks.3#batcher", "batch"));
      Await.result(bus.request("scratch.7f3a9c", "x"));
    }

    String scrape = metrics.scrape();
    assertThat(scrape).contains(
        "vertx_eventbus_sent_total{address=\"md.ticks.3#batcher\",side=\"local\"} 3.0",
        "vertx_eventbus_sent_total{address=\"other\",side=\"local\"} 3.0",
        "vertx_eventbus_processed_total{address=\"md.ticks.3#batcher\",side=\"local\"} 3.0",
        "vertx_eventbus_handlers{address=\"md.ticks.3#batcher\"} 1.0");
    assertThat(scrape).as("reply addresses are left out by Vert.x").doesNotContain("__vertx");
    assertThat(scrape).doesNotContain("scratch");
  }

  @Test
  void twoNodesInOneJvmKeepTheirMetersApart() {
    Metrics first = new Metrics();
    Metrics second = new Metrics();
    a = VertxMeters.vertx(first);
    b = VertxMeters.vertx(second);
    a.eventBus().publish("md.bars", "only on a");
    b.eventBus().publish("md.features", "only on b");

    io.tickwire.testing.Await.until(() -> first.scrape().contains("address=\"md.bars\"")
        && second.scrape().contains("address=\"md.features\""), Duration.ofSeconds(10), "both publications counted");
    assertThat(first.scrape()).doesNotContain("md.features");
    assertThat(second.scrape()).doesNotContain("md.bars");
  }

  @Test
  void tickwireAddresses() {
    assertThat(VertxMeters.tickwire("md.ingress#router")).isTrue();
    assertThat(VertxMeters.tickwire("md.ticks.15#batcher")).isTrue();
    assertThat(VertxMeters.tickwire("md.bars.forming")).isTrue();
    assertThat(VertxMeters.tickwire("md.journal")).isTrue();
    assertThat(VertxMeters.tickwire("md.ticks.x")).isFalse();
    assertThat(VertxMeters.tickwire("__vertx.reply.12")).isFalse();
    assertThat(VertxMeters.tickwire("md.tail.5f1e")).isFalse();
  }
}
