package io.tickwire.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.flow.Addresses;
import io.tickwire.testing.Await;
import io.tickwire.testing.HttpCall;
import io.tickwire.testing.HttpProbe;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The rules endpoints over real HTTP against a real PostgreSQL: create, read, update, delete, each mutation's
 * notice on {@code md.rules.changed}, and the compile-only validation. Each test has its own schema and server.
 */
@ExtendWith(VertxExtension.class)
class RulesApiTest {
  static final JsonObject OVERSOLD = new JsonObject().put("name", "btc_oversold")
      .put("condition", "momentum_1m > 0.01 && rsi_14 < 30.0").put("signal", 1).put("score", 0.7)
      .put("cooldown_ms", 5000).put("enabled", true);

  private WebFixture fixture;
  private final Queue<JsonObject> notices = new ConcurrentLinkedQueue<>();

  @BeforeEach
  void start(Vertx vertx) {
    fixture = WebFixture.withDatabase(vertx);
    Await.result(vertx.eventBus().<JsonObject>consumer(Addresses.RULES_CHANGED, m -> notices.add(m.body()))
        .completion());
  }

  @Test
  void createdRuleIsStoredAtVersion1AndListed() {
    HttpCall.Answer created = fixture.authorised("POST", "/api/rules").json(OVERSOLD).send();

    assertThat(created.status()).as(created.body()).isEqualTo(201);
    assertThat(created.header("Content-Type")).isEqualTo("application/json");
    assertThat(created.header("Location")).isEqualTo("/api/rules/btc_oversold");
    assertThat(created.json()).isEqualTo(OVERSOLD.copy().put("signal", 1.0).put("version", 1));

    HttpProbe.Reply one = fixture.get("/api/rules/btc_oversold");
    assertThat(one.status()).isEqualTo(200);
    assertThat(one.json()).isEqualTo(created.json());
    HttpProbe.Reply all = fixture.get("/api/rules");
    assertThat(all.status()).isEqualTo(200);
    assertThat(all.json().getJsonArray("rules").getList()).hasSize(1);
    assertThat(all.json().getJsonArray("rules").getJsonObject(0)).isEqualTo(created.json());
  }

  @Test
  void omittedOptionalFieldsTakeTheirDefaults() {
    JsonObject minimal = new JsonObject().put("name", "minimal").put("condition", "price > 1.0")
        .put("signal", -1).put("score", 0.5);
    JsonObject created = fixture.authorised("POST", "/api/rules").json(minimal).send().json();
    assertThat(created.getLong("cooldown_ms")).isEqualTo(60_000L);
    assertThat(created.getBoolean("enabled")).isTrue();
  }

  @Test
  void putReplacesTheRuleAndBumpsItsVersion() {
    create(OVERSOLD);
    JsonObject changed = OVERSOLD.copy().put("condition", "rsi_14 < 25.0").put("enabled", false);

    HttpCall.Answer updated = fixture.authorised("PUT", "/api/rules/btc_oversold").json(changed).send();

    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().getInteger("version")).isEqualTo(2);
    assertThat(updated.json().getString("condition")).isEqualTo("rsi_14 < 25.0");
    assertThat(updated.json().getBoolean("enabled")).isFalse();
    assertThat(fixture.get("/api/rules/btc_oversold").json()).isEqualTo(updated.json());
  }

  @Test
  void putMayLeaveTheNameOut() {
    create(OVERSOLD);
    JsonObject unnamed = OVERSOLD.copy();
    unnamed.remove("name");
    HttpCall.Answer updated = fixture.authorised("PUT", "/api/rules/btc_oversold").json(unnamed).send();
    assertThat(updated.status()).as(updated.body()).isEqualTo(200);
    assertThat(updated.json().getString("name")).isEqualTo("btc_oversold");
  }

  @Test
  void deleteRemovesTheRule() {
    create(OVERSOLD);

    HttpCall.Answer deleted = fixture.authorised("DELETE", "/api/rules/btc_oversold").send();

    assertThat(deleted.status()).isEqualTo(204);
    assertThat(deleted.body()).isEmpty();
    HttpProbe.Reply gone = fixture.get("/api/rules/btc_oversold");
    assertThat(gone.status()).isEqualTo(404);
    assertThat(gone.json().getString("error")).isEqualTo("not_found");
    assertThat(gone.json().getString("detail")).contains("btc_oversold");
    assertThat(fixture.get("/api/rules").json().getJsonArray("rules")).isEmpty();
  }

  @Test
  void everyMutationPublishesANoticeAndReadsDoNot() {
    create(OVERSOLD);
    awaitNotice(new JsonObject().put("rule", "btc_oversold").put("version", 1));
    fixture.authorised("PUT", "/api/rules/btc_oversold").json(OVERSOLD).send();
    awaitNotice(new JsonObject().put("rule", "btc_oversold").put("version", 2));
    fixture.authorised("DELETE", "/api/rules/btc_oversold").send();
    awaitNotice(new JsonObject().put("rule", "btc_oversold").put("deleted", true));

    fixture.get("/api/rules");
    fixture.get("/api/rules/btc_oversold");
    fixture.authorised("POST", "/api/rules/validate").json(new JsonObject().put("condition", "price > 1.0")).send();
    assertThat(fixture.authorised("POST", "/api/rules").json(OVERSOLD.copy().put("score", 7)).send().status())
        .isEqualTo(400);
    create(new JsonObject().put("name", "marker").put("condition", "price > 1.0").put("signal", 0).put("score", 1));
    awaitNotice(new JsonObject().put("rule", "marker").put("version", 1));
    assertThat(notices).as("reads, validation and refused changes publish nothing").isEmpty();
  }

  @Test
  void validateAcceptsAConditionOrAWholeRule() {
    HttpCall.Answer condition = fixture.authorised("POST", "/api/rules/validate")
        .json(new JsonObject().put("condition", "vol_5m > 0.3 && symbol == 'BTC-USD'")).send();
    assertThat(condition.status()).as(condition.body()).isEqualTo(200);
    assertThat(condition.json()).isEqualTo(new JsonObject().put("valid", true));

    HttpCall.Answer rule = fixture.authorised("POST", "/api/rules/validate").json(OVERSOLD).send();
    assertThat(rule.status()).as(rule.body()).isEqualTo(200);
    assertThat(fixture.get("/api/rules").json().getJsonArray("rules")).as("validation stores nothing").isEmpty();
  }

  @Test
  void validateRefusesAnInvalidConditionWithItsPosition() {
    HttpCall.Answer syntax = fixture.authorised("POST", "/api/rules/validate")
        .json(new JsonObject().put("condition", "momentum_1m >")).send();
    assertThat(syntax.status()).as(syntax.body()).isEqualTo(400);
    assertThat(syntax.json().getString("error")).isEqualTo("invalid_rule");
    assertThat(syntax.json().getString("detail")).contains(":1:");

    HttpCall.Answer undeclared = fixture.authorised("POST", "/api/rules/validate")
        .json(new JsonObject().put("condition", "momentum_2h > 0.01")).send();
    assertThat(undeclared.status()).isEqualTo(400);
    assertThat(undeclared.json().getString("detail")).contains("momentum_2h", ":1:");

    HttpCall.Answer rule = fixture.authorised("POST", "/api/rules/validate").json(OVERSOLD.copy().put("score", 2))
        .send();
    assertThat(rule.status()).isEqualTo(400);
    assertThat(rule.json().getString("detail")).contains("score");

    HttpCall.Answer none = fixture.authorised("POST", "/api/rules/validate").json(new JsonObject()).send();
    assertThat(none.status()).isEqualTo(400);
    assertThat(none.json().getString("detail")).contains("condition", "required");
  }

  @Test
  void theStoreOnlyEverHoldsRulesThatCompile() {
    HttpCall.Answer bad = fixture.authorised("POST", "/api/rules")
        .json(OVERSOLD.copy().put("condition", "rsi_14 < ")).send();
    assertThat(bad.status()).as(bad.body()).isEqualTo(400);
    assertThat(bad.json().getString("error")).isEqualTo("invalid_rule");
    assertThat(bad.json().getString("detail")).contains(":1:");

    create(OVERSOLD);
    HttpCall.Answer badUpdate = fixture.authorised("PUT", "/api/rules/btc_oversold")
        .json(OVERSOLD.copy().put("condition", "rsi_14 + 1.0")).send();
    assertThat(badUpdate.status()).as("not a boolean: " + badUpdate.body()).isEqualTo(400);
    assertThat(fixture.get("/api/rules/btc_oversold").json().getInteger("version")).isEqualTo(1);
  }

  @Test
  void conditionOverTheLengthLimitIs400() {
    String longCondition = "price > 1.0" + " && price > 1.0".repeat(80); // over rules.max_condition_length (1000)
    HttpCall.Answer answer = fixture.authorised("POST", "/api/rules")
        .json(OVERSOLD.copy().put("condition", longCondition)).send();
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.json().getString("error")).isEqualTo("invalid_rule");
    assertThat(answer.json().getString("detail")).contains("1000");
  }

  @Test
  void duplicateNameIs409() {
    create(OVERSOLD);
    HttpCall.Answer again = fixture.authorised("POST", "/api/rules").json(OVERSOLD).send();
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().getString("error")).isEqualTo("conflict");
    assertThat(again.json().getString("detail")).contains("btc_oversold");
  }

  @Test
  void unknownRuleIs404ForEveryMethod() {
    for (HttpCall call : List.of(fixture.call("GET", "/api/rules/nope"),
        fixture.authorised("PUT", "/api/rules/nope").json(OVERSOLD.copy().put("name", "nope")),
        fixture.authorised("DELETE", "/api/rules/nope"),
        fixture.authorised("POST", "/api/rules/nope/test?symbol=BTC-USD"))) {
      HttpCall.Answer answer = call.send();
      assertThat(answer.status()).as(answer.body()).isEqualTo(404);
      assertThat(answer.json().getString("error")).isEqualTo("not_found");
      assertThat(answer.json().getString("detail")).contains("'nope'");
    }
  }

  @Test
  void aFieldThatIsWrongIs400NamingIt() {
    JsonObject missing = OVERSOLD.copy();
    missing.remove("condition");
    assertInvalidRule(fixture.authorised("POST", "/api/rules").json(missing).send(), "condition", "required");
    assertInvalidRule(fixture.authorised("POST", "/api/rules").json(OVERSOLD.copy().put("score", 1.5)).send(),
        "score");
    assertInvalidRule(fixture.authorised("POST", "/api/rules").json(OVERSOLD.copy().put("name", "has space")).send(),
        "name");
    assertInvalidRule(fixture.authorised("POST", "/api/rules").json(OVERSOLD.copy().put("enabled", "yes")).send(),
        "enabled");
    assertInvalidRule(fixture.authorised("PUT", "/api/rules/btc_oversold").json(OVERSOLD.copy().put("name", "other"))
        .send(), "name", "'other'", "'btc_oversold'");
  }

  @Test
  void aBodyThatIsNotAJsonObjectIs400() {
    for (String body : List.of("{\"name\":", "[1,2]", "42", "null", "\"rule\"", "   ", "")) {
      HttpCall.Answer answer = fixture.authorised("POST", "/api/rules").json(body).send();
      assertThat(answer.status()).as("body " + body + " -> " + answer.body()).isEqualTo(400);
      assertThat(answer.json().getString("error")).isEqualTo("bad_request");
      assertThat(answer.json().getString("detail")).contains("JSON");
    }
  }

  @Test
  void aBodyOverTheLimitIs413() {
    String huge = OVERSOLD.copy().put("padding", "x".repeat((int) RulesResource.BODY_LIMIT)).encode();
    HttpCall.Answer answer = fixture.authorised("POST", "/api/rules").json(huge).send();
    assertThat(answer.status()).isEqualTo(413);
    assertThat(answer.header("Content-Type")).isEqualTo("application/json");
    assertThat(answer.json().getString("error")).isEqualTo("payload_too_large");
    assertThat(answer.json().getString("detail")).contains("16384");
  }

  @Test
  void aBodyThatIsNotDeclaredJsonIs415() {
    for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "application/jsonp")) {
      HttpCall.Answer answer = fixture.authorised("POST", "/api/rules").body(OVERSOLD.encode(), type).send();
      assertThat(answer.status()).as(type).isEqualTo(415);
      assertThat(answer.json().getString("error")).isEqualTo("unsupported_media_type");
      assertThat(answer.json().getString("detail")).contains(type, "application/json");
    }
    HttpCall.Answer put = fixture.authorised("PUT", "/api/rules/btc_oversold").body(OVERSOLD.encode(), "text/plain")
        .send();
    assertThat(put.status()).isEqualTo(415);
    HttpCall.Answer charset = fixture.authorised("POST", "/api/rules")
        .body(OVERSOLD.encode(), "Application/JSON; charset=utf-8").send();
    assertThat(charset.status()).as("parameters and case do not matter").isEqualTo(201);
  }

  @Test
  void mutationsWithoutTheRightTokenAre401AndChangeNothing() {
    create(OVERSOLD);
    awaitNotice(new JsonObject().put("rule", "btc_oversold").put("version", 1));
    List<HttpCall> mutations = List.of(
        fixture.call("POST", "/api/rules").json(OVERSOLD.copy().put("name", "other")),
        fixture.call("PUT", "/api/rules/btc_oversold").json(OVERSOLD),
        fixture.call("DELETE", "/api/rules/btc_oversold"),
        fixture.call("POST", "/api/rules/validate").json(new JsonObject().put("condition", "price > 1.0")),
        fixture.call("POST", "/api/rules/btc_oversold/test?symbol=BTC-USD"));
    for (HttpCall call : mutations) {
      assertUnauthorised(call.send(), "Bearer realm=\"tickwire\"");
    }
    assertUnauthorised(fixture.call("DELETE", "/api/rules/btc_oversold").bearer("wrong").send(), "invalid_token");
    assertUnauthorised(fixture.call("DELETE", "/api/rules/btc_oversold").bearer(WebFixture.TOKEN + "x").send(),
        "invalid_token");
    assertUnauthorised(fixture.call("DELETE", "/api/rules/btc_oversold").header("Authorization", "Basic "
        + WebFixture.TOKEN).send(), "Bearer");
    assertUnauthorised(fixture.call("POST", "/api/rules").bearer("wrong").body("x".repeat(100_000), "text/plain")
        .send(), "invalid_token");

    assertThat(fixture.get("/api/rules/btc_oversold").json().getInteger("version")).isEqualTo(1);
    assertThat(fixture.get("/api/rules").json().getJsonArray("rules")).hasSize(1);
    assertThat(notices).isEmpty();
  }

  @Test
  void otherMethodsAre405WithAJsonBody() {
    HttpCall.Answer answer = fixture.authorised("PATCH", "/api/rules/btc_oversold").json(OVERSOLD).send();
    assertThat(answer.status()).isEqualTo(405);
    assertThat(answer.json().getString("error")).isEqualTo("method_not_allowed");
  }

  @Test
  void theSchemeIsCaseInsensitive() {
    HttpCall.Answer answer = fixture.call("POST", "/api/rules").header("Authorization", "bearer " + WebFixture.TOKEN)
        .json(OVERSOLD).send();
    assertThat(answer.status()).isEqualTo(201);
  }

  @Test
  void withoutADatabaseRulesAre503ButValidationWorks(Vertx vertx) {
    WebFixture noDb = WebFixture.withoutDatabase(vertx);
    HttpProbe.Reply list = noDb.get("/api/rules");
    assertThat(list.status()).isEqualTo(503);
    assertThat(list.json().getString("error")).isEqualTo("database_unavailable");
    assertThat(noDb.authorised("POST", "/api/rules").json(OVERSOLD).send().status()).isEqualTo(503);
    assertThat(noDb.authorised("POST", "/api/rules/validate").json(OVERSOLD).send().status()).isEqualTo(200);
  }

  @Test
  void theListingSaysSoWhenNoPersistNodeReportsWhichNodeRunsWhichCatalog() {
    create(OVERSOLD);
    JsonObject catalog = fixture.get("/api/rules").json().getJsonObject("catalog");
    assertThat(catalog.getValue("version")).isNull();
    assertThat(catalog.getJsonArray("nodes")).isEmpty();
    assertThat(catalog.getString("unavailable")).contains("no node with the persist role answered");
  }

  private void create(JsonObject rule) {
    HttpCall.Answer created = fixture.authorised("POST", "/api/rules").json(rule).send();
    assertThat(created.status()).as(created.body()).isEqualTo(201);
  }

  private void awaitNotice(JsonObject expected) {
    Await.until(() -> !notices.isEmpty(), Duration.ofSeconds(10), "a notice on " + Addresses.RULES_CHANGED);
    assertThat(notices.poll()).isEqualTo(expected);
  }

  private static void assertInvalidRule(HttpCall.Answer answer, String... detailMentions) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(400);
    assertThat(answer.json().getString("error")).isEqualTo("invalid_rule");
    assertThat(answer.json().getString("detail")).contains(detailMentions);
  }

  private static void assertUnauthorised(HttpCall.Answer answer, String challenge) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(401);
    assertThat(answer.header("WWW-Authenticate")).startsWith("Bearer").contains(challenge);
    assertThat(answer.header("Content-Type")).isEqualTo("application/json");
    assertThat(answer.json().getString("error")).isEqualTo("unauthorized");
  }
}
