package io.tickwire.inference;

import dev.cel.runtime.CelRuntime;
import io.tickwire.codecs.FeatureSnapshot;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A rule whose condition has been parsed, type-checked and planned once, for the rule's current version. Safe to
 * share between threads: the CEL program is immutable.
 */
public final class CompiledRule {
  private final Rule rule;
  private final Set<String> features;
  private final CelRuntime.Program program;

  CompiledRule(Rule rule, Set<String> features, CelRuntime.Program program) {
    this.rule = rule;
    this.features = Set.copyOf(features);
    this.program = program;
  }

  public Rule rule() {
    return rule;
  }

  /** The feature names the condition refers to. */
  public Set<String> features() {
    return features;
  }

  /**
   * Evaluates the condition. Never throws: a feature absent from the snapshot gives {@link Verdict#MISSING_FEATURE}
   * before CEL runs (CEL would report an unbound variable as an error), a run-time failure gives
   * {@link Verdict#ERROR}.
   */
  public Verdict evaluate(FeatureSnapshot snapshot) {
    if (!snapshot.features().keySet().containsAll(features)) {
      return Verdict.MISSING_FEATURE;
    }
    try {
      Object result = program.eval(name -> Optional.ofNullable(variable(snapshot, name)));
      return Boolean.TRUE.equals(result) ? Verdict.TRUE : Verdict.FALSE;
    } catch (Exception | StackOverflowError e) {
      return Verdict.ERROR;
    }
  }

  /** The values of the features this rule uses, by name, for the signal's metadata. */
  public Map<String, Double> usedValues(FeatureSnapshot snapshot) {
    Map<String, Double> used = new java.util.TreeMap<>();
    for (String name : features) {
      used.put(name, snapshot.features().get(name));
    }
    return used;
  }

  private static Object variable(FeatureSnapshot snapshot, String name) {
    switch (name) {
      case RuleCompiler.PRICE:
        return snapshot.price();
      case RuleCompiler.SYMBOL:
        return snapshot.symbol();
      case RuleCompiler.VENUE:
        return snapshot.venue();
      default:
        return snapshot.features().get(name);
    }
  }

  @Override
  public String toString() {
    return "CompiledRule[" + rule.name() + " v" + rule.version() + "]";
  }
}
