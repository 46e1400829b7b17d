package io.tickwire.inference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the rules table into compiled rules, compiling each rule once per version: a reload reuses the compiled
 * form of every rule that did not change. A rule that does not compile (the table may hold a condition written
 * against a feature since removed from the configuration) is logged and left out rather than stopping the
 * others.
 */
public final class RuleCatalog {
  private static final System.Logger LOG = System.getLogger(RuleCatalog.class.getName());

  private final RuleCompiler compiler;
  private Map<String, CompiledRule> compiled = Map.of();

  public RuleCatalog(RuleCompiler compiler) {
    this.compiler = compiler;
  }

  /** The compiled form of every rule that compiles, in the given order. */
  public List<CompiledRule> compile(List<Rule> rules) {
    Map<String, CompiledRule> next = new HashMap<>();
    List<CompiledRule> out = new ArrayList<>(rules.size());
    for (Rule rule : rules) {
      CompiledRule done = reuseOrCompile(rule);
      if (done != null) {
        next.put(rule.name(), done);
        out.add(done);
      }
    }
    compiled = next;
    return out;
  }

  private CompiledRule reuseOrCompile(Rule rule) {
    CompiledRule earlier = compiled.get(rule.name());
    if (earlier != null && earlier.rule().equals(rule)) {
      return earlier;
    }
    try {
      return compiler.compile(rule);
    } catch (InvalidRuleException e) {
      LOG.log(System.Logger.Level.WARNING, "rule {0} (version {1}) does not compile and is skipped: {2}",
          rule.name(), rule.version(), e.getMessage());
      return null;
    }
  }
}
