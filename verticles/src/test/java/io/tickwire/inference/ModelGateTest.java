package io.tickwire.inference;

import static io.tickwire.inference.Snapshots.rsi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.Signal;
import io.tickwire.testing.Await;
import io.vertx.circuitbreaker.CircuitBreakerState;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
class ModelGateTest {
  private static final int MAX_FAILURES = 2;
  private static final long RESET_MS = 300;
  /** For calls that must succeed: a timeout no loaded machine reaches, so only the timeout test sees one fire. */
  private static final long AMPLE_MS = 10_000;

  @Test
  void logisticRegressionScoresAndFiresOnTheUpwardCrossingOnly(Vertx vertx) {
    LogisticRegressionModel model = LogisticRegressionModel.fromJson(new JsonObject(
        "{\"name\":\"lr\",\"features\":[\"rsi_14\"],\"weights\":[0.1],\"bias\":-5,\"threshold\":0.5}"));
    assertThat(model.score(rsi("A", 0, 50))).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
    assertThat(model.score(rsi("A", 0, 60))).isCloseTo(1 / (1 + Math.exp(-1)),
        org.assertj.core.data.Offset.offset(1e-12));

    ModelGate gate = new ModelGate(vertx, model, AMPLE_MS);
    List<Signal> fired = Await.result(gate.evaluate(List.of(rsi("A", 0, 60), rsi("A", 1, 70), rsi("A", 2, 40),
        rsi("A", 3, 55), Snapshots.empty("A", 4))));
    assertThat(fired).extracting(s -> s.ts() / Snapshots.SECOND).containsExactly(0L, 3L);
    assertThat(fired.get(0).name()).isEqualTo("lr");
    assertThat(fired.get(0).value()).isEqualTo(fired.get(0).score()).isGreaterThan(0.5);
    assertThat(fired.get(0).meta().get("features")).isEqualTo(java.util.Map.of("rsi_14", 60.0));
  }

  @Test
  void modelFileErrorsNameTheField() {
    assertThatThrownBy(() -> LogisticRegressionModel.fromJson(new JsonObject(
        "{\"name\":\"lr\",\"features\":[\"a\",\"b\"],\"weights\":[0.1],\"bias\":0,\"threshold\":0.5}")))
        .hasMessageContaining("weights");
    assertThatThrownBy(() -> LogisticRegressionModel.fromJson(new JsonObject(
        "{\"name\":\"lr\",\"features\":[\"a\"],\"weights\":[0.1],\"threshold\":0.5}")))
        .hasMessageContaining("bias");
  }

  @Test
  void failuresOpenTheBreakerAndASuccessfulHalfOpenCallClosesIt(Vertx vertx) {
    ScriptedModel model = new ScriptedModel();
    ModelGate gate = new ModelGate(vertx, model, AMPLE_MS, MAX_FAILURES, RESET_MS);
    model.mode = ScriptedModel.Mode.THROW;
    for (int i = 0; i < MAX_FAILURES; i++) {
      assertThat(Await.result(gate.evaluate(List.of(rsi("A", i, 90))))).as("a failure is no signal, no error")
          .isEmpty();
    }
    assertThat(gate.state()).isEqualTo(CircuitBreakerState.OPEN);

    model.mode = ScriptedModel.Mode.SCORE;
    assertThat(Await.result(gate.evaluate(List.of(rsi("A", 10, 90))))).as("open: the model is not called")
        .isEmpty();
    Await.until(() -> gate.state() == CircuitBreakerState.HALF_OPEN, Duration.ofSeconds(30), "half-open");
    assertThat(Await.result(gate.evaluate(List.of(rsi("A", 11, 90))))).hasSize(1);
    assertThat(gate.state()).isEqualTo(CircuitBreakerState.CLOSED);
  }

  @Test
  void timeoutsCountAsFailures(Vertx vertx) {
    ScriptedModel model = new ScriptedModel();
    model.mode = ScriptedModel.Mode.HANG;
    ModelGate gate = new ModelGate(vertx, model, 50, MAX_FAILURES, 60_000);
    try {
      for (int i = 0; i < MAX_FAILURES; i++) {
        assertThat(Await.result(gate.evaluate(List.of(rsi("A", i, 90))))).isEmpty();
      }
      assertThat(model.returned).as("each call gave up on the model while it still hung").hasValue(0);
      assertThat(gate.state()).isEqualTo(CircuitBreakerState.OPEN);
    } finally {
      model.release();
    }
  }

  @Test
  void snapshotsWithoutTheModelsFeaturesAreNotScored(Vertx vertx) {
    ScriptedModel model = new ScriptedModel();
    model.mode = ScriptedModel.Mode.THROW;
    ModelGate gate = new ModelGate(vertx, model, 200, 1, RESET_MS);
    FeatureSnapshot other = new FeatureSnapshot("sim", "A", 0, 1, Map.of("vol_5m", 1.0));
    assertThat(Await.result(gate.evaluate(List.of(other, Snapshots.empty("A", 1))))).isEmpty();
    assertThat(gate.state()).as("the model was never called").isEqualTo(CircuitBreakerState.CLOSED);
  }
}
