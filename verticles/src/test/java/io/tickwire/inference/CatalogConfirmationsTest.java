package io.tickwire.inference;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

/** Which node runs which catalog: malformed confirmations counted and ignored, memory bounded two ways. */
class CatalogConfirmationsTest {

  @Test
  void aNodesLatestConfirmationWinsAndIsCurrentOnlyForTheCurrentVersion() {
    CatalogConfirmations c = new CatalogConfirmations(10, 60_000);
    c.record(confirmation("a", "v1"), 1_000);
    c.record(confirmation("b", "v1"), 1_000);
    c.record(confirmation("a", "v2"), 2_000);

    JsonObject status = c.toJson("v2", 3_000);
    assertThat(status.getJsonArray("nodes")).hasSize(2);
    assertThat(status.getJsonArray("nodes").stream().map(JsonObject.class::cast)
        .filter(n -> n.getBoolean("current")).map(n -> n.getString("node"))).containsExactly("a");
  }

  @Test
  void malformedConfirmationsAreCountedAndChangeNothing() {
    CatalogConfirmations c = new CatalogConfirmations(10, 60_000);
    c.record("not json", 1_000);
    c.record(new JsonObject().put("node", 7).put("version", "v1"), 1_000);
    c.record(new JsonObject().put("node", "a"), 1_000);
    c.record(new JsonObject().put("node", "x".repeat(201)).put("version", "v1"), 1_000);
    c.record(new JsonObject().put("node", "a").put("version", "v".repeat(65)), 1_000);

    JsonObject status = c.toJson("v1", 1_000);
    assertThat(status.getJsonArray("nodes")).isEmpty();
    assertThat(status.getLong("confirmations_rejected")).isEqualTo(5);
  }

  @Test
  void nodesAreCappedAndForgottenOnceSilent() {
    CatalogConfirmations c = new CatalogConfirmations(3, 60_000);
    for (int i = 0; i < 1_000; i++) {
      c.record(confirmation("node-" + i, "v1"), 1_000);
    }
    assertThat(c.current(1_000)).extracting(CatalogConfirmations.Confirmation::node)
        .containsExactly("node-997", "node-998", "node-999");
    assertThat(c.current(1_000 + 60_001)).as("silent past the limit").isEmpty();
  }

  private static JsonObject confirmation(String node, String version) {
    return new JsonObject().put("node", node).put("version", version).put("rules", 5).put("skipped", 0);
  }
}
