package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.testing.Await;
import io.tickwire.testing.HttpProbe;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What {@code /api/bars} answers when it cannot answer with bars: 400 naming the parameter, the bad value and what
 * is allowed; 503 when the database fails; JSON errors for unknown paths and methods.
 */
@ExtendWith(VertxExtension.class)
class BarsApiErrorsTest {
  private static WebFixture fixture;

  @BeforeAll
  static void start(Vertx vertx) {
    fixture = WebFixture.withDatabase(vertx);
  }

  /** query string, then words the detail must contain: the parameter, the bad value, what is allowed. */
  static Stream<Arguments> badRequests() {
    return Stream.of(
        Arguments.of("", new String[] {"symbol", "required"}),
        Arguments.of("symbol=", new String[] {"symbol", "required"}),
        Arguments.of("symbol=BTC-USD&venue=", new String[] {"venue"}),
        Arguments.of("symbol=BTC-USD&interval=7s", new String[] {"interval", "'7s'", "[1s, 10s, 1m]"}),
        Arguments.of("symbol=BTC-USD&interval=5m", new String[] {"interval", "'5m'", "[1s, 10s, 1m]"}),
        Arguments.of("symbol=BTC-USD&interval=fast", new String[] {"interval", "'fast'", "[1s, 10s, 1m]"}),
        Arguments.of("symbol=BTC-USD&from=yesterday", new String[] {"from", "'yesterday'", "ISO-8601"}),
        Arguments.of("symbol=BTC-USD&to=2024-13-01T00:00:00Z", new String[] {"to", "2024-13-01T00:00:00Z",
            "ISO-8601"}),
        Arguments.of("symbol=BTC-USD&from=2024-05-01T12:00:00", new String[] {"from", "with a zone"}),
        Arguments.of("symbol=BTC-USD&from=2024-05-01T12:00:00Z&to=2024-05-01T12:00:00Z",
            new String[] {"from", "to", "before"}),
        Arguments.of("symbol=BTC-USD&from=2024-05-02T00:00:00Z&to=2024-05-01T00:00:00Z",
            new String[] {"from", "to", "before"}),
        Arguments.of("symbol=BTC-USD&limit=0", new String[] {"limit", "'0'", "1 to 5000"}),
        Arguments.of("symbol=BTC-USD&limit=5001", new String[] {"limit", "'5001'", "1 to 5000"}),
        Arguments.of("symbol=BTC-USD&limit=abc", new String[] {"limit", "'abc'", "1 to 5000"}),
        Arguments.of("symbol=BTC-USD&limit=99999999999", new String[] {"limit", "'99999999999'", "1 to 5000"}),
        Arguments.of("symbol=BTC-USD&symbl=ETH-USD", new String[] {"symbl", "unknown", "symbol, venue, interval"}),
        Arguments.of("symbol=BTC-USD&symbol=ETH-USD", new String[] {"symbol", "2 times"}));
  }

  @ParameterizedTest(name = "?{0}")
  @MethodSource("badRequests")
  void badParameterIs400NamingIt(String query, String[] detailMentions) {
    HttpProbe.Reply reply = fixture.get("/api/bars?" + query);
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.contentType()).isEqualTo("application/json");
    JsonObject body = reply.json();
    assertThat(body.getString("error")).isEqualTo("bad_request");
    assertThat(body.getString("detail")).contains(detailMentions);
  }

  @Test
  void malformedQueryEncodingIs400() {
    HttpProbe.Reply reply = HttpProbe.getRaw(fixture.web.actualPort(), "/api/bars?symbol=%zz");
    assertThat(reply.status()).as(reply.body()).isEqualTo(400);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.json().getString("error")).isEqualTo("bad_request");
    assertThat(reply.json().getString("detail")).startsWith("malformed request");
  }

  @Test
  void unknownPathIs404WithAJsonBody() {
    HttpProbe.Reply reply = fixture.get("/api/nothing-here");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.json().getString("error")).isEqualTo("not_found");
    assertThat(reply.json().getString("detail")).contains("/api/nothing-here");
  }

  @Test
  void otherMethodsAre405WithAJsonBody() {
    HttpProbe.Reply reply = HttpProbe.send(fixture.web.actualPort(), "/api/bars?symbol=BTC-USD", "DELETE");
    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.json().getString("error")).isEqualTo("method_not_allowed");
  }

  @Test
  void failingDatabaseIs503(Vertx vertx) {
    WebFixture broken = WebFixture.withDatabase(vertx);
    Await.result(broken.database.close(vertx));

    HttpProbe.Reply reply = broken.get("/api/bars?symbol=BTC-USD");

    assertThat(reply.status()).as(reply.body()).isEqualTo(503);
    assertThat(reply.contentType()).isEqualTo("application/json");
    assertThat(reply.json().getString("error")).isEqualTo("database_unavailable");
    assertThat(reply.json().getString("detail")).isNotBlank();
  }

  @Test
  void noDatabaseIs503ButBadParametersStill400(Vertx vertx) {
    WebFixture withoutDb = WebFixture.withoutDatabase(vertx);

    HttpProbe.Reply valid = withoutDb.get("/api/bars?symbol=BTC-USD");
    assertThat(valid.status()).isEqualTo(503);
    assertThat(valid.json().getString("error")).isEqualTo("database_unavailable");
    assertThat(withoutDb.get("/api/bars?limit=0").status()).as("checked before the database").isEqualTo(400);
  }
}
