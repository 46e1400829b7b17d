package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.cluster.Node;
import io.tickwire.cluster.Role;
import io.tickwire.testing.Await;
import io.tickwire.testing.HeadlessChromium;
import io.tickwire.testing.Pipelines;
import io.tickwire.testing.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;

/**
 * The dashboard in Debian's headless Chromium at 1280x800, against a whole node on live synthetic data with an
 * always-firing rule: it draws candles, the last candle moves, the rule's signal shows in the feed, the health
 * strip counts events, and the browser console stays free of errors throughout.
 */
@ExtendWith(VertxExtension.class)
class DashboardBrowserTest {
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 800;
  private static final String RULE = "browser_test_flip";
  /** Toggles with the last cent of each close, so it keeps crossing from false to true and firing. */
  private static final String FLIPPING = "int(price * 100.0) % 2 == 0";
  private static final Path SCREENSHOT = Path.of("target", "dashboard-1280x800.png");
  private static final Duration LIVE = Duration.ofSeconds(30);

  @Test
  void showsLiveCandlesSignalsAndHealthWithoutConsoleErrors(Vertx vertx, @TempDir Path dataDir) throws Exception {
    Path seed = dataDir.resolve("rules.yaml");
    Files.writeString(seed, "rules:\n  - {name: " + RULE + ", condition: '" + FLIPPING + "', signal: 1, score: 0.5,"
        + " cooldown_ms: 0}\n");
    Node node = new Node(vertx, Pipelines.settings(vertx, Pipelines.concat(TestDatabase.fresh().settings(),
        "web.host=127.0.0.1", "web.port=0", "data_dir=" + dataDir, "rules.seed=" + seed,
        "synthetic.rate=3000", "batcher.allowed_lateness_ms=100")),
        EnumSet.allOf(Role.class), List.of(), new Pipelines.Capture());
    Await.result(node.start());
    try (HeadlessChromium browser = HeadlessChromium.start(WIDTH, HEIGHT)) {
      List<LogEntry> console = new ArrayList<>();
      try {
        browser.driver().get("http://127.0.0.1:" + port(node) + "/");
        assertThat(browser.eval("return [window.innerWidth, window.innerHeight];"))
            .as("the page is laid out at the size users read it at").isEqualTo(List.of((long) WIDTH, (long) HEIGHT));

        Await.until(() -> number(browser, "return window.tickwire?.candleCount() ?? 0") >= 3, LIVE,
            "at least three candles drawn on the chart");
        Object before = browser.eval("return window.tickwire.lastCandle();");
        Await.until(() -> !Objects.equals(before, browser.eval("return window.tickwire.lastCandle();")),
            Duration.ofSeconds(5), "the last candle changing within 5 s (was " + before + ")");

        Await.until(() -> !browser.driver().findElements(By.cssSelector("#signals li[data-rule='" + RULE + "']"))
            .isEmpty(), LIVE, "a signal of " + RULE + " in the signals feed");
        Await.until(() -> eventsPerSecond(browser) > 0, LIVE, "a non-zero events/s in the health strip");
        assertThat(browser.driver().findElement(By.id("connection")).getText()).startsWith("live");
        assertThat(browser.driver().findElement(By.id("connectors")).getText()).contains("synthetic");
        assertThat(browser.driver().findElement(By.id("sinks")).getText()).contains("postgres");

        // Let a few more seconds of live updates run, so errors they cause are caught too.
        Thread.sleep(2_000);
      } finally {
        // Also when an assertion failed: the picture usually tells why.
        browser.screenshot(SCREENSHOT);
        console.addAll(browser.console());
      }
      assertThat(console.stream().filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList())
          .as("errors in the browser console").isEmpty();
    } finally {
      Await.result(node.stop());
    }
  }

  private static int port(Node node) {
    return node.stages().stream().filter(WebVerticle.class::isInstance).map(WebVerticle.class::cast)
        .findFirst().orElseThrow().actualPort();
  }

  /** What the health strip shows, read off the page as a user would (digits only; "–" before the first report). */
  private static double eventsPerSecond(HeadlessChromium browser) {
    String shown = browser.driver().findElement(By.id("events-per-sec")).getText().replace(",", "");
    return shown.matches("[0-9.]+") ? Double.parseDouble(shown) : 0;
  }

  private static long number(HeadlessChromium browser, String script) {
    Object value = browser.eval(script);
    return value instanceof Number n ? n.longValue() : 0;
  }
}
