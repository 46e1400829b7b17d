package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.node.Node;
import io.tickwire.config.Role;
import io.tickwire.testing.Await;
import io.tickwire.testing.HeadlessChromium;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.logging.LogEntry;

/**
 * A whole node (embedded or test PostgreSQL, synthetic feed at 3,000 events/s, web on an ephemeral loopback port)
 * seeded with one always-firing rule, and the dashboard open in headless Chromium at 1280x800. Closing it saves a
 * screenshot (also when the test failed: the picture usually tells why), stops both, and fails on any error the
 * browser console recorded.
 */
final class LiveDashboard implements AutoCloseable {
  static final int WIDTH = 1280;
  static final int HEIGHT = 800;
  static final String RULE = "browser_test_flip";
  /** Toggles with the last cent of each close, so it keeps crossing from false to true and firing. */
  static final String FLIPPING = "int(price * 100.0) % 2 == 0";

  final Node node;
  final HeadlessChromium browser;
  final Path dataDir;
  private final Path screenshot;

  private LiveDashboard(Node node, HeadlessChromium browser, Path dataDir, Path screenshot) {
    this.node = node;
    this.browser = browser;
    this.dataDir = dataDir;
    this.screenshot = screenshot;
  }

  static LiveDashboard open(Vertx vertx, Path dataDir, Path screenshot) throws Exception {
    return open(vertx, dataDir, screenshot, "/", List.of());
  }

  /** As {@link #open(Vertx, Path, Path)}, at {@code page} (e.g. with a fragment), with config overrides. */
  static LiveDashboard open(Vertx vertx, Path dataDir, Path screenshot, String page, List<String> overrides)
      throws Exception {
    HeadlessChromium.requireInstalled();
    Path seed = dataDir.resolve("rules.yaml");
    Files.writeString(seed, "rules:\n  - {name: " + RULE + ", condition: '" + FLIPPING + "', signal: 1,"
        + " score: 0.5, cooldown_ms: 0}\n");
    List<String> settings = Pipelines.concat(TestDatabase.fresh().settings(),
        "web.host=127.0.0.1", "web.port=0", "data_dir=" + dataDir, "rules.seed=" + seed,
        "synthetic.rate=3000", "batcher.allowed_lateness_ms=100");
    Node node = Node.local(vertx,
        Pipelines.settings(vertx, Pipelines.concat(settings, overrides.toArray(new String[0]))),
        EnumSet.allOf(Role.class)).build();
    Await.result(node.start());
    HeadlessChromium browser;
    try {
      browser = HeadlessChromium.start(WIDTH, HEIGHT);
    } catch (Exception | Error e) {
      Await.result(node.stop());
      throw e;
    }
    LiveDashboard dashboard = new LiveDashboard(node, browser, dataDir, screenshot);
    browser.driver().get("http://127.0.0.1:" + dashboard.port() + page);
    return dashboard;
  }

  /** Sends {@code events} to the node's TCP ingest as v1 JSON frames, as a producer would. */
  void send(List<? extends io.tickwire.codecs.MarketEvent> events) throws java.io.IOException {
    int ingest = node.stages().stream().filter(io.tickwire.connector.TcpIngestVerticle.class::isInstance)
        .map(io.tickwire.connector.TcpIngestVerticle.class::cast).findFirst().orElseThrow().actualPort();
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", ingest);
        java.io.OutputStream out = socket.getOutputStream()) {
      for (io.tickwire.codecs.MarketEvent event : events) {
        out.write(io.tickwire.connector.FrameWriter.frame(io.tickwire.codecs.V1Json.toJson(event)).getBytes());
      }
      out.flush();
    }
  }

  int port() {
    return node.stages().stream().filter(WebVerticle.class::isInstance).map(WebVerticle.class::cast)
        .findFirst().orElseThrow().actualPort();
  }

  String apiToken() throws Exception {
    return Files.readString(dataDir.resolve("api-token")).trim();
  }

  @Override
  public void close() throws Exception {
    List<LogEntry> errors = new ArrayList<>();
    try {
      browser.screenshot(screenshot);
      browser.console().stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).forEach(errors::add);
    } finally {
      try {
        browser.close();
      } finally {
        Await.result(node.stop());
      }
    }
    assertThat(errors).as("errors in the browser console").isEmpty();
  }
}
