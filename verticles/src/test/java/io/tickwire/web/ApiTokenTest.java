package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.config.ConfigException;
import io.tickwire.testing.HttpCall;
import io.tickwire.testing.LogCapture;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Where the API token comes from, seen through real starts of the web verticle: generated once into the data
 * directory (mode 600) and reused, or taken from TICKWIRE_API_TOKEN, which wins.
 */
@ExtendWith(VertxExtension.class)
class ApiTokenTest {
  private static final String ENV_TOKEN = "token-from-env-0123456789-0123456789";
  private static final JsonObject CONDITION = new JsonObject().put("condition", "price > 1.0");

  @Test
  void firstStartGeneratesAPrivateTokenFileThatLaterStartsReuse(Vertx vertx) throws IOException {
    Path dataDir = WebFixture.temporaryDirectory().resolve("not-yet-created");
    LogCapture log = LogCapture.of(ApiToken.class.getName());

    WebFixture first = WebFixture.withTokenSource(vertx, dataDir, Map.of());

    Path file = dataDir.resolve("api-token");
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    String token = Files.readString(file).strip();
    assertThat(token).as("32 random bytes, base64url without padding").matches("[A-Za-z0-9_-]{43}");
    assertThat(validate(first, token)).isEqualTo(200);
    assertThat(validate(first, "wrong")).isEqualTo(401);
    assertThat(first.web.apiTokenFile()).as("what the start-up banner names").isEqualTo(file.toAbsolutePath());

    WebFixture second = WebFixture.withTokenSource(vertx, dataDir, Map.of());

    assertThat(Files.readString(file).strip()).as("reused, not regenerated").isEqualTo(token);
    assertThat(validate(second, token)).isEqualTo(200);
    log.close();
    assertThat(log.messages()).as("the start that generated it names the file, never the token")
        .containsExactly("generated the API token for rule changes; read it from " + file.toAbsolutePath());
    assertThat(String.join("\n", log.messages())).doesNotContain(token);
  }

  @Test
  void separateDataDirectoriesGetDifferentTokens(Vertx vertx) throws IOException {
    Path a = WebFixture.temporaryDirectory();
    Path b = WebFixture.temporaryDirectory();
    WebFixture.withTokenSource(vertx, a, Map.of());
    WebFixture.withTokenSource(vertx, b, Map.of());
    assertThat(Files.readString(a.resolve("api-token"))).isNotEqualTo(Files.readString(b.resolve("api-token")));
  }

  @Test
  void theEnvironmentTokenWinsAndNoFileIsWritten(Vertx vertx) throws IOException {
    Path dataDir = WebFixture.temporaryDirectory();
    Files.writeString(dataDir.resolve("api-token"), "token-from-file");

    WebFixture node = WebFixture.withTokenSource(vertx, dataDir, Map.of(ApiToken.ENV, ENV_TOKEN));

    assertThat(validate(node, ENV_TOKEN)).isEqualTo(200);
    assertThat(validate(node, "token-from-file")).isEqualTo(401);
    assertThat(node.web.apiTokenFile()).as("no file: the token is the environment's").isNull();

    Path empty = WebFixture.temporaryDirectory();
    WebFixture.withTokenSource(vertx, empty, Map.of(ApiToken.ENV, ENV_TOKEN));
    assertThat(empty.resolve("api-token")).doesNotExist();
  }

  @Test
  void aBlankEnvironmentTokenCountsAsUnset(Vertx vertx) {
    Path dataDir = WebFixture.temporaryDirectory();
    WebFixture.withTokenSource(vertx, dataDir, Map.of(ApiToken.ENV, "  "));
    assertThat(dataDir.resolve("api-token")).exists();
  }

  @Test
  void aShortEnvironmentTokenFailsTheStartNamingTheVariableNotTheToken(Vertx vertx) {
    assertThatThrownBy(() -> WebFixture.withTokenSource(vertx, WebFixture.temporaryDirectory(),
        Map.of(ApiToken.ENV, "short-token-1234")))
        .satisfies(e -> assertThat(rootCause(e)).isInstanceOf(ConfigException.class)
            .hasMessageContaining(ApiToken.ENV).hasMessageContaining("at least 32")
            .hasMessageNotContaining("short-token-1234"));
  }

  private static Throwable rootCause(Throwable e) {
    while (e.getCause() != null && e.getCause() != e) {
      e = e.getCause();
    }
    return e;
  }

  private static int validate(WebFixture node, String token) {
    return HttpCall.to(node.web.actualPort(), "POST", "/api/rules/validate").bearer(token).json(CONDITION).send()
        .status();
  }
}
