package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.node.Node;
import io.tickwire.config.Role;
import io.tickwire.metrics.Metrics;
import io.tickwire.metrics.VertxMeters;
import io.tickwire.testing.Await;
import io.tickwire.testing.ExternalTool;
import io.tickwire.testing.HttpProbe;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.Scrape;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A live scrape of {@code /metrics} from a whole running node, built as {@code tickwire run} builds it (the node's
 * metrics first, then a Vertx publishing its own meters into them), passes {@code promtool check metrics} (format
 * and naming lint), and carries the meters operators alert on: tickwire's, the JVM's and Vert.x's event bus and
 * HTTP server, with bounded labels.
 */
class MetricsPromtoolTest {
  @Test
  void aLiveScrapePassesPromtool(@TempDir Path dataDir) throws Exception {
    Path promtool = ExternalTool.PROMTOOL.require();
    Path seed = Files.writeString(dataDir.resolve("rules.yaml"), "rules:\n  - {name: flip, condition: "
        + "'int(price * 100.0) % 2 == 0', signal: 1, score: 0.5, cooldown_ms: 0}\n");
    Metrics metrics = new Metrics();
    Vertx vertx = VertxMeters.vertx(metrics);
    Node node = Node.local(vertx, Pipelines.settings(vertx, Pipelines.concat(TestDatabase.fresh().settings(),
        "web.host=127.0.0.1", "web.port=0", "data_dir=" + dataDir, "rules.seed=" + seed, "synthetic.rate=2000",
        "batcher.allowed_lateness_ms=100", "synthetic.clock=wall")), EnumSet.allOf(Role.class))
        .metrics(metrics).build();
    try {
      Await.result(node.start());
      int port = node.stages().stream().filter(WebVerticle.class::isInstance).map(WebVerticle.class::cast)
          .findFirst().orElseThrow().actualPort();
      Await.until(() -> HttpProbe.get(port, "/metrics").body().contains("tickwire_signals_total{name=\"flip\"}"),
          Duration.ofSeconds(30), "a signal counted in /metrics");
      Await.until(() -> new Scrape(HttpProbe.get(port, "/metrics").body())
          .sum("tickwire_sink_rows_total", "table=\"bars_ohlcv\"") > 0, Duration.ofSeconds(30), "bars stored");
      String scrape = HttpProbe.get(port, "/metrics").body();

      assertThat(scrape).contains("tickwire_routed_events_total", "tickwire_anomalies_total{type=",
          "jvm_memory_used_bytes", "jvm_threads_live_threads");
      assertPipelineMeters(new Scrape(scrape));
      // The event bus by tickwire address: a lossless link's inbox, a partition's, a best-effort topic.
      assertThat(scrape).contains("vertx_eventbus_sent_total{address=\"md.ingress#router\"",
          "vertx_eventbus_processed_total{address=\"md.ticks.0#batcher\"",
          "vertx_eventbus_published_total{address=\"md.bars\"", "vertx_eventbus_handlers{address=\"md.bars\"}");
      // Every lossless batch is acknowledged on a reply address; none of them may become a label.
      assertThat(scrape).doesNotContain("__vertx", "address=\"other\"");
      // The HTTP server by route template, never by raw path.
      assertThat(scrape).contains("vertx_http_server_requests_total{code=\"200\",method=\"GET\",route=\"/metrics\"}")
          .doesNotContain("path=");
      Promtool result = check(promtool, scrape);
      assertThat(result.exitCode()).as("promtool check metrics:\n" + result.output()).isZero();
    } finally {
      try {
        Await.result(node.stop());
      } finally {
        Await.result(vertx.close());
      }
    }
  }

  /** The meters operators alert on, each with a value the running pipeline must have given it. */
  private static void assertPipelineMeters(Scrape scrape) {
    assertThat(scrape.sum("tickwire_events_ingested_total", "venue=\"synthetic\"", "kind=\"trade\""))
        .isPositive();
    assertThat(scrape.value("tickwire_consumer_lag_seconds", "link=\"md.ticks#batcher\"",
        "measure=\"event_time\"").orElseThrow()).as("event-time lag of the batchers").isBetween(0.0, 10.0);
    assertThat(scrape.value("tickwire_consumer_lag_seconds", "link=\"md.ingress#router\"",
        "measure=\"queue_age\"").orElseThrow()).as("queue age into the router").isBetween(0.0, 10.0);
    double windows = scrape.value("tickwire_window_latency_seconds_count").orElseThrow();
    double meanLatency = scrape.value("tickwire_window_latency_seconds_sum").orElseThrow() / windows;
    assertThat(meanLatency).as("window end (wall-clock event times) to bar emitted, with 100 ms allowed lateness")
        .isBetween(0.1, 10.0);
    assertThat(scrape.value("tickwire_store_write_seconds_count", "table=\"bars_ohlcv\"").orElseThrow())
        .isPositive();
    double flushes = scrape.value("tickwire_sink_flushes_total", "table=\"bars_ohlcv\"").orElseThrow();
    assertThat(flushes).isPositive();
    assertThat(scrape.value("tickwire_sink_rows_total", "table=\"bars_ohlcv\"").orElseThrow())
        .isGreaterThanOrEqualTo(flushes);
    assertThat(scrape.value("tickwire_feature_update_seconds_count").orElseThrow()).isPositive();
    assertThat(scrape.value("tickwire_inference_evaluation_seconds_count").orElseThrow()).isPositive();
    assertThat(scrape.value("tickwire_dropped_total", "link=\"web.dashboard\"")).hasValue(0.0);
    assertThat(scrape.value("tickwire_errors_total", "component=\"md.bars#pg\"", "reason=\"handler_failed\""))
        .hasValue(0.0);
  }

  private record Promtool(int exitCode, String output) {
  }

  private static Promtool check(Path promtool, String scrape) throws Exception {
    Process process = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectErrorStream(true).start();
    process.getOutputStream().write(scrape.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    return new Promtool(process.exitValue(), output);
  }
}
