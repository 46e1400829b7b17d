package io.tickwire.inference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedRulesTest {
  @Test
  void theShippedSeedHasTheFiveRulesAndTheyCompileAgainstTheDefaultFeatures() {
    List<Rule> rules = SeedRules.load("conf/rules.yaml");
    assertThat(rules).extracting(Rule::name).containsExactly("price_momentum_up", "price_momentum_down",
        "high_volatility", "rsi_overbought", "rsi_oversold");
    RuleCompiler compiler = new RuleCompiler(List.of("vwap_1m", "ret_30s", "logret_1m", "vol_5m", "rsi_14",
        "momentum_1m", "skew_5m", "kurt_5m", "volume_1m", "trades_1m"), 1000);
    rules.forEach(compiler::compile);
    assertThat(rules.get(0).signal()).isEqualTo(1);
    assertThat(rules.get(0).score()).isEqualTo(0.8);
    assertThat(rules.get(0).cooldownMs()).isEqualTo(60_000);
  }

  @Test
  void readsAFileWhenNoResourceHasThatName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mine.yaml");
    Files.writeString(file, "rules:\n  - {name: a, condition: 'rsi_14 < 1.0', signal: 1, score: 0.5}\n");
    assertThat(SeedRules.load(file.toString())).containsExactly(new Rule("a", "rsi_14 < 1.0", 1, 0.5, 60_000, true,
        1));
  }

  @Test
  void errorsNameTheRuleAndTheField() {
    assertThatThrownBy(() -> SeedRules.parse("seed.yaml",
        "rules:\n  - {name: ok, condition: 'true', signal: 1, score: 0.5}\n"
            + "  - {name: bad, condition: 'true', signal: 1, score: 7}\n"))
        .hasMessageContaining("seed.yaml").hasMessageContaining("rule 'bad'").hasMessageContaining("'score'");
    assertThatThrownBy(() -> SeedRules.parse("seed.yaml", "rules:\n  - {condition: 'true'}\n"))
        .hasMessageContaining("rules[0]").hasMessageContaining("'name'");
    assertThatThrownBy(() -> SeedRules.parse("seed.yaml", "rule: []\n")).hasMessageContaining("'rules:'");
  }
}
