package io.tickwire.inference;

import static io.tickwire.inference.Snapshots.rsi;
import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.codecs.FeatureSnapshot;
import io.tickwire.codecs.Signal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleEngineTest {
  private final RuleCompiler compiler = new RuleCompiler(Snapshots.FEATURES, 1000);

  @Test
  void firesOnTheFirstTrueAfterStartThenNotWhileItStaysTrue() {
    RuleEngine engine = engine(oversold(0));
    assertThat(fired(engine, rsi("A", 0, 20), rsi("A", 1, 20), rsi("A", 2, 10))).containsExactly(0L);
  }

  @Test
  void firesAgainOnlyAfterTheConditionWasFalse() {
    RuleEngine engine = engine(oversold(0));
    assertThat(fired(engine, rsi("A", 0, 40), rsi("A", 1, 20), rsi("A", 2, 20), rsi("A", 3, 40), rsi("A", 4, 20)))
        .containsExactly(1L, 4L);
  }

  @Test
  void anEdgeWithinTheCooldownIsSwallowedAndDoesNotFireLater() {
    RuleEngine engine = engine(oversold(10_000));
    List<Long> at = fired(engine,
        rsi("A", 0, 20), rsi("A", 1, 40), rsi("A", 5, 20), // edge inside the 10 s cooldown: swallowed
        rsi("A", 12, 20),                                  // cooldown over, but no new edge
        rsi("A", 13, 40), rsi("A", 14, 20));               // a new edge after the cooldown fires
    assertThat(at).containsExactly(0L, 14L);
  }

  @Test
  void cooldownEndsExactlyAtItsLengthInEventTime() {
    RuleEngine engine = engine(oversold(10_000));
    assertThat(fired(engine, rsi("A", 0, 20), rsi("A", 9, 40), rsi("A", 10, 20))).containsExactly(0L, 10L);
  }

  @Test
  void edgesAreTrackedPerSymbol() {
    RuleEngine engine = engine(oversold(60_000));
    List<Signal> signals = new ArrayList<>();
    for (FeatureSnapshot s : List.of(rsi("A", 0, 20), rsi("B", 0, 20), rsi("B", 1, 40), rsi("A", 1, 20))) {
      signals.addAll(engine.evaluate(s));
    }
    assertThat(signals).extracting(Signal::symbol).containsExactly("A", "B");
  }

  @Test
  void aMissingFeatureNeitherFiresNorRearms() {
    RuleEngine engine = engine(oversold(0));
    List<Long> at = fired(engine, rsi("A", 0, 20), Snapshots.empty("A", 1), rsi("A", 2, 20));
    assertThat(at).as("the gap is not a false").containsExactly(0L);
    assertThat(fired(engine(oversold(0)), Snapshots.empty("A", 0))).isEmpty();
  }

  @Test
  void disabledRulesNeverFire() {
    RuleEngine engine = engine(oversold(0).withEnabled(false));
    assertThat(fired(engine, rsi("A", 0, 40), rsi("A", 1, 20))).isEmpty();
  }

  @Test
  void signalCarriesTheRuleAndTheValuesItUsed() {
    Rule rule = new Rule("combo", "rsi_14 < 30.0 && price > 50.0", -1, 0.7, 0, true, 3);
    Signal signal = engine(rule).evaluate(rsi("BTC-USD", 7, 25.5)).get(0);
    assertThat(signal.provider()).isEqualTo("sim");
    assertThat(signal.symbol()).isEqualTo("BTC-USD");
    assertThat(signal.ts()).isEqualTo(7 * Snapshots.SECOND);
    assertThat(signal.name()).isEqualTo("combo");
    assertThat(signal.value()).isEqualTo(-1);
    assertThat(signal.score()).isEqualTo(0.7);
    assertThat(((Number) signal.meta().get("rule_version")).intValue()).isEqualTo(3);
    assertThat(signal.meta().get("price")).isEqualTo(107.0);
    assertThat(signal.meta().get("features")).isEqualTo(java.util.Map.of("rsi_14", 25.5));
  }

  @Test
  void theSameStreamGivesTheSameSignalsInTheSameOrder() {
    List<FeatureSnapshot> stream = Snapshots.randomStream(42, 20_000, 7);
    List<Signal> first = engine(manyRules()).evaluateAll(stream);
    List<Signal> second = engine(manyRules()).evaluateAll(stream);
    assertThat(first).hasSizeGreaterThan(100).isEqualTo(second);
    assertThat(first).extracting(Signal::name).contains("oversold", "fast_up", "vol_spike");
  }

  @Test
  void reloadKeepsTheStateOfUnchangedRulesAndResetsChangedOnes() {
    Rule oversold = oversold(0);
    Rule copy = new Rule("copy", oversold.condition(), 1, 0.5, 0, true, 1);
    RuleEngine engine = engine(oversold, copy);
    assertThat(engine.evaluate(rsi("A", 0, 20))).hasSize(2);

    engine.replace(List.of(compiler.compile(oversold), compiler.compile(copy.withVersion(2))));
    assertThat(engine.evaluate(rsi("A", 1, 20))).as("only the changed rule starts afresh")
        .extracting(Signal::name).containsExactly("copy");
  }

  @Test
  void aNewRuleStartsArmedEvenWhereARemovedRuleHadFired() {
    Rule oversold = oversold(0);
    Rule copy = new Rule("copy", oversold.condition(), 1, 0.5, 0, true, 1);
    RuleEngine engine = engine(oversold, copy);
    assertThat(engine.evaluate(rsi("A", 0, 20))).hasSize(2);

    Rule newcomer = new Rule("newcomer", oversold.condition(), 1, 0.5, 0, true, 1);
    engine.replace(List.of(compiler.compile(oversold), compiler.compile(newcomer)));
    assertThat(engine.evaluate(rsi("A", 1, 20))).as("the newcomer fires; the kept rule stays disarmed")
        .extracting(Signal::name).containsExactly("newcomer");
    assertThat(engine.evaluate(rsi("A", 2, 20))).isEmpty();
    assertThat(engine.edgeKeys()).isEqualTo(1);
  }

  @Test
  void catalogCompilesEachVersionOnceAndSkipsRulesThatDoNotCompile() {
    RuleCatalog catalog = new RuleCatalog(compiler);
    Rule broken = new Rule("broken", "no_such_feature > 1.0", 1, 1, 0, true, 1);
    List<CompiledRule> first = catalog.compile(List.of(oversold(0), broken));
    List<CompiledRule> second = catalog.compile(List.of(oversold(0), broken));
    assertThat(first).extracting(c -> c.rule().name()).containsExactly("oversold");
    assertThat(second.get(0)).isSameAs(first.get(0));
    assertThat(catalog.compile(List.of(oversold(0).withVersion(2))).get(0)).isNotSameAs(first.get(0));
  }

  private static Rule oversold(long cooldownMs) {
    return new Rule("oversold", "rsi_14 < 30.0", 1, 0.7, cooldownMs, true, 1);
  }

  private static List<Rule> manyRules() {
    return List.of(
        oversold(5_000),
        new Rule("fast_up", "momentum_1m > 0.01 && ret_30s > 0.0", 1, 0.8, 2_000, true, 1),
        new Rule("vol_spike", "vol_5m > 0.4 || (venue == 'kraken' && vol_5m > 0.35)", 0, 0.9, 0, true, 1),
        new Rule("never", "rsi_14 > 1000.0", 0, 0.1, 0, true, 1));
  }

  private RuleEngine engine(Rule... rules) {
    return engine(List.of(rules));
  }

  private RuleEngine engine(List<Rule> rules) {
    return new RuleEngine(rules.stream().map(compiler::compile).toList());
  }

  /** The seconds at which the engine fired. */
  private static List<Long> fired(RuleEngine engine, FeatureSnapshot... snapshots) {
    return engine.evaluateAll(List.of(snapshots)).stream().map(s -> s.ts() / Snapshots.SECOND).toList();
  }
}
