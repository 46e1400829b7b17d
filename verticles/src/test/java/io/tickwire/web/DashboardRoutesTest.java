package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.testing.HttpProbe;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.junit5.VertxExtension;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The dashboard's files and catalog as the web verticle serves them from the classpath. */
@ExtendWith(VertxExtension.class)
class DashboardRoutesTest {
  private static final Pattern ECHARTS = Pattern.compile("src=\"(/webjars/echarts/([^/\"]+)/dist/echarts\\.min\\.js)\"");
  private WebFixture fixture;

  @BeforeEach
  void start(Vertx vertx) {
    fixture = WebFixture.withoutDatabase(vertx);
  }

  @Test
  void servesThePageWithTheEchartsVersionFilledInAndTheWebjarItNames() {
    HttpProbe.Reply page = fixture.get("/");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    Matcher script = ECHARTS.matcher(page.body());
    assertThat(script.find()).as("index.html loads ECharts from its webjar: " + page.body()).isTrue();
    assertThat(script.group(2)).as("the version, filled in by the build").matches("[0-9][0-9.]*");

    HttpProbe.Reply echarts = fixture.get(script.group(1));
    assertThat(echarts.status()).isEqualTo(200);
    assertThat(echarts.contentType()).contains("javascript");
  }

  @Test
  void servesThePagesModules() {
    for (String file : new String[] {"/app.css", "/js/app.js", "/js/chart.js", "/js/connection.js"}) {
      assertThat(fixture.get(file).status()).as(file).isEqualTo(200);
    }
    assertThat(fixture.get("/?symbol=ETH-USD&interval=10s").status()).as("a bookmarked selection").isEqualTo(200);
  }

  @Test
  void unknownFilesAndApiMethodsKeepTheirJsonErrors() {
    HttpProbe.Reply missing = fixture.get("/no-such-file.js");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.json().getString("error")).isEqualTo("not_found");
    assertThat(fixture.get("/api/rules/any/test").status()).as("GET on a POST-only API path").isEqualTo(405);
  }

  @Test
  void catalogListsConfiguredSymbolsIntervalsAndFeatures() {
    HttpProbe.Reply catalog = fixture.get("/api/catalog");
    assertThat(catalog.status()).isEqualTo(200);
    assertThat(catalog.json().getJsonArray("intervals")).isEqualTo(new JsonArray().add("1s").add("10s").add("1m"));
    assertThat(catalog.json().getJsonArray("symbols").getList()).contains("BTC-USD");
    assertThat(catalog.json().getJsonArray("features").getList()).contains("rsi_14", "vwap_1m");
  }
}
