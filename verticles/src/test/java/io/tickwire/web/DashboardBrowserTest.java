package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.testing.Await;
import io.tickwire.testing.HeadlessChromium;
import io.tickwire.testing.HttpCall;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The dashboard in Debian's headless Chromium at 1280x800 against a whole node on live synthetic data with an
 * always-firing rule. Every test also fails on any error in the browser console (see {@link LiveDashboard}).
 */
@ExtendWith(VertxExtension.class)
class DashboardBrowserTest {
  private static final Duration LIVE = Duration.ofSeconds(30);

  @Test
  void showsLiveCandlesSignalsAndHealth(Vertx vertx, @TempDir Path dataDir) throws Exception {
    try (LiveDashboard dashboard = LiveDashboard.open(vertx, dataDir, Path.of("target", "dashboard-1280x800.png"))) {
      HeadlessChromium browser = dashboard.browser;
      assertThat(browser.eval("return [window.innerWidth, window.innerHeight];")).as("the page's size")
          .isEqualTo(List.of((long) LiveDashboard.WIDTH, (long) LiveDashboard.HEIGHT));

      Await.until(() -> number(browser, "return window.tickwire?.candleCount() ?? 0") >= 3, LIVE,
          "at least three candles drawn on the chart");
      Object before = browser.eval("return window.tickwire.lastCandle();");
      Await.until(() -> !Objects.equals(before, browser.eval("return window.tickwire.lastCandle();")),
          Duration.ofSeconds(5), "the last candle changing within 5 s (was " + before + ")");

      Await.until(() -> !browser.driver().findElements(
          By.cssSelector("#signals li[data-rule='" + LiveDashboard.RULE + "']")).isEmpty(),
          LIVE, "a signal of " + LiveDashboard.RULE + " in the signals feed");
      Await.until(() -> eventsPerSecond(browser) > 0, LIVE, "a non-zero events/s in the health strip");
      assertThat(text(browser, "connection")).startsWith("live");
      assertThat(text(browser, "connectors")).contains("synthetic");
      assertThat(text(browser, "sinks")).contains("postgres");

      // Two more closed candles of live updates, so errors they cause reach the console check too.
      long drawn = number(browser, "return window.tickwire.candleCount()");
      Await.until(() -> number(browser, "return window.tickwire.candleCount()") >= drawn + 2, LIVE,
          "two more candles drawn live");
    }
  }

  @Test
  void theCoverageStripUnderTheCandlesShowsAHoleColouredByItsCause(Vertx vertx, @TempDir Path dataDir)
      throws Exception {
    try (LiveDashboard dashboard = LiveDashboard.open(vertx, dataDir, Path.of("target", "dashboard-coverage.png"))) {
      HeadlessChromium browser = dashboard.browser;
      Await.until(() -> number(browser, "return window.tickwire?.candleCount() ?? 0") >= 2, LIVE, "candles drawn");
      Map<?, ?> selection = (Map<?, ?>) browser.eval("return window.tickwire.selection();");
      String symbol = (String) selection.get("symbol");
      long now = io.tickwire.flow.Clock.nowMicros();
      // A disconnect on the selected symbol's live synthetic stream: the next synthetic trade closes the hole.
      dashboard.send(List.of(new io.tickwire.codecs.FeedGap("synthetic", symbol, "disconnected: browser test", now,
          now, 0)));
      Await.until(() -> !browser.driver().findElements(
          By.cssSelector("#coverage .coverage-block.hole[data-cause='disconnect']")).isEmpty(), LIVE,
          "the disconnect drawn in the coverage strip (it refreshes every 10 s)");
      assertThat(browser.driver().findElements(By.cssSelector("#coverage .coverage-block.covered"))).isNotEmpty();
      List<?> holes = (List<?>) browser.eval("return window.tickwire.coverageHoles();");
      assertThat(holes).anySatisfy(h -> {
        Map<?, ?> hole = (Map<?, ?>) h;
        assertThat(hole.get("cause")).isEqualTo("disconnect");
        assertThat(hole.get("state")).isEqualTo("open");
      });
    }
  }

  @Test
  void showsTheMidStripAndASmileFedLive(Vertx vertx, @TempDir Path dataDir) throws Exception {
    try (LiveDashboard dashboard = LiveDashboard.open(vertx, dataDir, Path.of("target", "dashboard-derived.png"), "/",
        List.of("derived.spot_mid.assets=[{asset: BTC, venues: [fake_a:BTC-USD, fake_b:BTC/USD, fake_c:BTCUSDT],"
            + " perp: fake_perp:BTCUSDT}]", "derived.spot_mid.max_wait_ms=60000", "derived.iv_surface.enabled=true",
            "derived.iv_surface.every=10s", "derived.iv_surface.underlyings=[BTC]"))) {
      HeadlessChromium browser = dashboard.browser;
      Await.until(() -> "live".equals(browser.eval("return window.tickwire?.connection() ?? null;")), LIVE,
          "the page live");
      Await.until(() -> text(browser, "mids").contains("BTC"), LIVE, "the mid strip naming the configured asset");

      dashboard.send(DerivedFeed.lastHalfMinute(System.currentTimeMillis() * 1000));

      // Half a minute sent at once: the stage waits for every venue's partition, so each sample holds all three.
      Await.until(() -> midShown(browser), LIVE, "a BTC mid with its quality, basis and funding in the strip");
      Map<?, ?> mid = (Map<?, ?>) ((List<?>) browser.eval("return window.tickwire.midStrip();")).get(0);
      assertThat(mid.get("quality")).isEqualTo("ok");
      assertThat(((Number) mid.get("mid")).doubleValue()).isBetween(64_990.0, 65_010.0);
      assertThat(text(browser, "mids")).contains("ok").contains("basis").contains("0.0100%");

      Await.until(() -> smilePoints(browser) >= DerivedFeed.STRIKES.size(), LIVE,
          "a smile drawn with every liquid strike");
      assertThat(text(browser, "smile-meta")).contains("BTC").contains("ATM");
    }
  }

  @Test
  void withAReadTokenThePageOpenedWithItInTheFragmentGoesLive(Vertx vertx, @TempDir Path dataDir) throws Exception {
    String token = "a-read-token-for-the-browser-0123456789";
    try (LiveDashboard dashboard = LiveDashboard.open(vertx, dataDir, Path.of("target", "dashboard-read-token.png"),
        "/#read_token=" + token, List.of("web.read_token=" + token))) {
      HeadlessChromium browser = dashboard.browser;
      Await.until(() -> number(browser, "return window.tickwire?.candleCount() ?? 0") >= 1, LIVE,
          "a candle drawn from the live feed the token opened");
      assertThat(text(browser, "connection")).startsWith("live");
      assertThat(browser.eval("return location.hash;")).as("the token is taken off the address bar").isEqualTo("");
    }
  }

  @Test
  void rulesPanelDisablesAndAddsRulesWithTheTokenKeptInTheTab(Vertx vertx, @TempDir Path dataDir) throws Exception {
    try (LiveDashboard dashboard = LiveDashboard.open(vertx, dataDir, Path.of("target", "dashboard-rules.png"))) {
      HeadlessChromium browser = dashboard.browser;
      By toggle = By.cssSelector("#rules tr[data-rule='" + LiveDashboard.RULE + "'] input[type=checkbox]");
      Await.until(() -> !browser.driver().findElements(toggle).isEmpty(), LIVE, "the seeded rule in the panel");

      browser.driver().findElement(toggle).click();
      WebElement tokenField = browser.driver().findElement(By.id("token"));
      Await.until(tokenField::isDisplayed, Duration.ofSeconds(5), "the page asking for the API token");
      tokenField.sendKeys(dashboard.apiToken());
      browser.driver().findElement(By.cssSelector("#token-form button")).click();
      Await.until(() -> !rule(dashboard, LiveDashboard.RULE).getBoolean("enabled"), Duration.ofSeconds(10),
          LiveDashboard.RULE + " disabled through the API");

      assertThat(browser.eval("return sessionStorage.getItem('tickwire.api-token');"))
          .as("the token, kept for this tab").isEqualTo(dashboard.apiToken());
      assertThat(browser.eval("return localStorage.length;")).as("nothing kept beyond the tab").isEqualTo(0L);

      // The token is remembered: adding a rule asks for nothing.
      browser.driver().findElement(By.cssSelector("#rule-form input[name=name]")).sendKeys("browser_added");
      browser.driver().findElement(By.cssSelector("#rule-form input[name=condition]")).sendKeys("price > 0.0");
      browser.driver().findElement(By.cssSelector("#rule-form button")).click();
      Await.until(() -> !browser.driver().findElements(By.cssSelector("#rules tr[data-rule='browser_added']"))
          .isEmpty(), Duration.ofSeconds(10), "the added rule listed in the panel");
      assertThat(rule(dashboard, "browser_added").getString("condition")).isEqualTo("price > 0.0");
      assertThat(browser.driver().findElement(By.id("token-form")).isDisplayed()).isFalse();
    }
  }

  /**
   * One symbol trading about once a second, so some seconds have no trade: with {@code batcher.empty=flat} the 1s
   * chart draws filled bars, the label toggle moves the candles to their close, and the {@code volume:0.1} series
   * (from the catalog, read from the API) draws volume bars.
   */
  @Test
  void showsFilledBarsTheCloseLabelAndAVolumeBarView(Vertx vertx, @TempDir Path dataDir) throws Exception {
    try (LiveDashboard dashboard = LiveDashboard.open(vertx, dataDir, Path.of("target", "dashboard-bar-shapes.png"),
        "/?symbol=BTC-USD&interval=1s", List.of("synthetic.rate=1", "synthetic.symbols=[BTC-USD]",
            "batcher.empty=flat", "batcher.info_bars=[volume:0.1]"))) {
      HeadlessChromium browser = dashboard.browser;
      Await.until(() -> number(browser, "return window.tickwire?.filledCount() ?? 0") >= 1, LIVE,
          "a filled bar (a second without trades) drawn on the 1s chart");

      Object openLabels = browser.eval("return window.tickwire.labels();");
      browser.driver().findElement(By.id("label")).click();
      assertThat(text(browser, "label")).isEqualTo("label: close");
      Await.until(() -> !Objects.equals(openLabels, browser.eval("return window.tickwire.labels();")),
          Duration.ofSeconds(5), "the candles relabelled at their close");

      Await.until(() -> !browser.driver().findElements(By.cssSelector("#intervals button[data-interval='volume:0.1']"))
          .isEmpty(), LIVE, "the volume:0.1 series offered beside the intervals");
      browser.driver().findElement(By.cssSelector("#intervals button[data-interval='volume:0.1']")).click();
      assertThat(browser.eval("return window.tickwire.selection().interval;")).isEqualTo("volume:0.1");
      Await.until(() -> number(browser, "return window.tickwire.candleCount()") >= 3, LIVE,
          "three volume bars drawn");
    }
  }

  private static JsonObject rule(LiveDashboard dashboard, String name) {
    HttpCall.Answer answer = HttpCall.to(dashboard.port(), "GET", "/api/rules/" + name).send();
    assertThat(answer.status()).as("GET /api/rules/" + name + ": " + answer.body()).isEqualTo(200);
    return answer.json();
  }

  private static String text(HeadlessChromium browser, String id) {
    return browser.driver().findElement(By.id(id)).getText();
  }

  /** What the health strip shows, read as a user would (digits only; "–" before the first report). */
  private static double eventsPerSecond(HeadlessChromium browser) {
    String shown = text(browser, "events-per-sec").replace(",", "");
    return shown.matches("[0-9.]+") ? Double.parseDouble(shown) : 0;
  }

  private static boolean midShown(HeadlessChromium browser) {
    Object state = browser.eval("return window.tickwire.midStrip();");
    return state instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map<?, ?> mid
        && mid.get("mid") instanceof Number && mid.get("basisBps") instanceof Number
        && mid.get("fundingRate") instanceof Number;
  }

  /** Points of the fullest smile series the chart has drawn. */
  private static long smilePoints(HeadlessChromium browser) {
    return number(browser, "return Math.max(0, ...window.tickwire.smileSeries().map(s => s.points));");
  }

  private static long number(HeadlessChromium browser, String script) {
    Object value = browser.eval(script);
    return value instanceof Number n ? n.longValue() : 0;
  }
}
