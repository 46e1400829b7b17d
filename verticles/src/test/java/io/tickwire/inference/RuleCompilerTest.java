package io.tickwire.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.codecs.FeatureSnapshot;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleCompilerTest {
  private final RuleCompiler compiler = new RuleCompiler(List.of("momentum_1m", "rsi_14", "vol_5m"), 200);

  @Test
  void syntaxErrorNamesLineAndColumn() {
    assertThatThrownBy(() -> compiler.validate("momentum_1m > \n  && rsi_14 < 30.0"))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("2:");
  }

  @Test
  void nonBooleanConditionIsATypeError() {
    assertThatThrownBy(() -> compiler.validate("momentum_1m + 1.0"))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("bool")
        .hasMessageContaining("1:");
  }

  @Test
  void comparingAStringWithADoubleIsATypeError() {
    assertThatThrownBy(() -> compiler.validate("symbol > 1.0"))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("1:8");
  }

  @Test
  void unknownVariableIsNamedWithItsPosition() {
    assertThatThrownBy(() -> compiler.validate("rsi_14 < 30.0 && macd > 0.0"))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("macd")
        .hasMessageContaining("1:18");
  }

  @Test
  void conditionOverTheLengthLimitIsRejected() {
    String longCondition = "rsi_14 < 30.0" + " && rsi_14 < 30.0".repeat(20);
    assertThatThrownBy(() -> compiler.validate(longCondition))
        .isInstanceOf(InvalidRuleException.class)
        .hasMessageContaining("limit is 200");
  }

  @Test
  void reportsTheFeaturesAConditionUses() {
    CompiledRule rule = compiler.compile(rule("momentum_1m > 0.01 && rsi_14 < 30.0 && price > 1.0 && venue == 'x'"));
    assertThat(rule.features()).containsExactlyInAnyOrder("momentum_1m", "rsi_14");
  }

  @Test
  void evaluatesTrueAndFalse() {
    CompiledRule rule = compiler.compile(rule("rsi_14 < 30.0 && symbol == 'BTC-USD' && price > 100.0"));
    assertThat(rule.evaluate(snapshot(Map.of("rsi_14", 20.0)))).isEqualTo(Verdict.TRUE);
    assertThat(rule.evaluate(snapshot(Map.of("rsi_14", 40.0)))).isEqualTo(Verdict.FALSE);
  }

  @Test
  void integerLiteralsCompareWithDoubleFeatures() {
    CompiledRule rule = compiler.compile(rule("rsi_14 < 30 && momentum_1m > 0"));
    assertThat(rule.evaluate(snapshot(Map.of("rsi_14", 29.5, "momentum_1m", 0.001)))).isEqualTo(Verdict.TRUE);
    assertThat(rule.evaluate(snapshot(Map.of("rsi_14", 30.0, "momentum_1m", 0.001)))).isEqualTo(Verdict.FALSE);
  }

  @Test
  void missingFeatureIsReportedWithoutThrowing() {
    CompiledRule rule = compiler.compile(rule("momentum_1m > 0.01 || rsi_14 < 30.0"));
    assertThat(rule.evaluate(snapshot(Map.of("rsi_14", 20.0)))).isEqualTo(Verdict.MISSING_FEATURE);
    assertThat(rule.evaluate(snapshot(Map.of()))).isEqualTo(Verdict.MISSING_FEATURE);
  }

  @Test
  void runTimeFailureIsAnErrorVerdictNotAnException() {
    CompiledRule rule = compiler.compile(rule("[1, 0][1] != 0 && 1 / [1, 0][1] > 0"));
    assertThat(rule.evaluate(snapshot(Map.of()))).isEqualTo(Verdict.FALSE);
    CompiledRule divides = compiler.compile(rule("1 / ([1, 0][1]) > 0"));
    assertThat(divides.evaluate(snapshot(Map.of()))).isEqualTo(Verdict.ERROR);
  }

  @Test
  void comprehensionsAreCappedInIterations() {
    RuleCompiler roomy = new RuleCompiler(List.of("rsi_14"), 100_000);
    String list = "[" + "1,".repeat(RuleCompiler.MAX_ITERATIONS + 10) + "1]";
    CompiledRule rule = roomy.compile(rule(list + ".all(x, x == 1)"));
    assertThat(rule.evaluate(snapshot(Map.of()))).isEqualTo(Verdict.ERROR);
    CompiledRule small = roomy.compile(rule("[1, 1, 1].all(x, x == 1)"));
    assertThat(small.evaluate(snapshot(Map.of()))).isEqualTo(Verdict.TRUE);
  }

  private static Rule rule(String condition) {
    return new Rule("r", condition, 1, 0.5, 0, true, 1);
  }

  private static FeatureSnapshot snapshot(Map<String, Double> features) {
    return new FeatureSnapshot("sim", "BTC-USD", 1_000_000L, 101.0, features);
  }
}
