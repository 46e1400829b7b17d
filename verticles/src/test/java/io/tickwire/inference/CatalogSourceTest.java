package io.tickwire.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalog's version names exactly its rules, survives the wire, and a message that is not a catalog fails. */
class CatalogSourceTest {
  private static final Rule A = new Rule("a", "price > 1.0", 1, 0.5, 0, true, 1);
  private static final Rule B = new Rule("b", "rsi_14 < 30.0", -1, 0.7, 1000, true, 3);

  @Test
  void equalRulesGiveEqualVersionsAndAnyChangeGivesAnother() {
    String version = CatalogSource.of(List.of(A, B)).version();
    assertThat(CatalogSource.of(List.of(A, B)).version()).isEqualTo(version).hasSize(16);
    assertThat(CatalogSource.of(List.of(A)).version()).isNotEqualTo(version);
    assertThat(CatalogSource.of(List.of(A, B.withEnabled(false))).version()).isNotEqualTo(version);
    assertThat(CatalogSource.of(List.of(A, B.withVersion(4))).version()).isNotEqualTo(version);
    assertThat(CatalogSource.of(List.of()).version()).isNotEqualTo(version);
  }

  @Test
  void aCatalogCrossesTheWireIntactWithItsVersionRecomputed() {
    CatalogSource sent = CatalogSource.of(List.of(A, B));
    JsonObject wire = sent.toJson().put("version", "forged");
    CatalogSource received = CatalogSource.fromJson(wire);
    assertThat(received.rules()).containsExactly(A, B);
    assertThat(received.version()).isEqualTo(sent.version());
  }

  @Test
  void aMessageThatIsNotACatalogFailsNamingTheField() {
    assertThatThrownBy(() -> CatalogSource.fromJson(new JsonObject())).isInstanceOf(RuleFormatException.class)
        .hasMessageContaining("rules");
    assertThatThrownBy(() -> CatalogSource.fromJson(new JsonObject().put("rules", new JsonArray()
        .add(new JsonObject().put("name", "x").put("condition", "price > 1.0").put("signal", 1).put("score", 9)))))
        .isInstanceOf(RuleFormatException.class).hasMessageContaining("score");
  }
}
